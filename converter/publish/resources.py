"""Files shipped in converter.schemas (the top-level schemas/ folder): stylesheets, the AKN schema."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def schema_file(name: str) -> Path:
    """The path of a file under schemas/, installed or in a checkout."""
    try:
        ref = resources.files("converter.schemas")
        for part in name.split("/"):        # one segment at a time: a namespace package's path takes one
            ref = ref / part
        if ref.is_file():
            return Path(str(ref))
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent.parent / "schemas" / name
