"""Tests that each fast path gives what the path it bypasses gives (issue 12: faster, output unchanged).

One file a stage and topic: the fast path beside the slower computation it replaces, compared on the samples,
fixtures and random inputs.
"""
