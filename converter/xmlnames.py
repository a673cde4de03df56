"""The archive namespace: one namespace, with the format version in it."""

import functools

NS = "urn:gongwen:archive:1.0"
SCHEMA_VERSION = "1.0"


@functools.cache
def q(name: str) -> str:
    """Clark notation of an archive element name: q("p") → "{urn:…}p"."""
    return f"{{{NS}}}{name}"
