"""The batch run collects garbage seldom (batch.collect_less): that is sound only while a conversion
leaves no reference cycles behind, its objects freed by their counts alone as it ends."""

from __future__ import annotations

import gc

from converter import batch, reader
from converter.pipeline import convert_source
from tests.conftest import SAMPLES


def test_converting_the_samples_leaves_no_cyclic_garbage():
    sources = [reader.read_source(p, None, "strict") for p in sorted(SAMPLES.glob("*/*.txt"))]
    assert len(sources) >= 18
    gc.collect()
    gc.disable()
    try:
        for source in sources:
            convert_source(source).xml
        found = gc.collect()
    finally:
        gc.enable()
    assert found == 0


def test_a_batch_run_collects_less_often_and_leaves_start_up_out(monkeypatch):
    calls: list[object] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "set_threshold", lambda *t: calls.append(t))
    monkeypatch.setattr(gc, "get_threshold", lambda: (700, 10, 10))
    batch.collect_less()
    assert calls == ["freeze", (batch.GC_THRESHOLD, 10, 10)]
