"""gongwen: deterministic converter from Chinese official-document text to archival XML.

The Python API (converter.api; its docstrings are the reference):

    from converter import convert, validate
    archive = convert(pathlib.Path("report.txt"))     # or bytes, or the text as a str
    archive.xml, archive.root, archive.warnings, archive.forms
    archive.render("html")                            # "akn", "json", "markdown", "xml"
    validate(archive.xml)                             # [] when valid

The pipeline, one module a stage:

    reader     bytes → decoded text, digest, encoding
    normalise  text → Lines (clean printed text) + residue (page furniture, markup)
    blocks     Lines → paragraphs and numbered sections (the block-rule table)
    recognise  which form a text holds, and where each document starts
    forms/     one transform module per document form
    tree       the parsed model → lxml tree
    validation the bundled XSD (and lossless.py, the lossless guarantee)
    writer     serialise, write atomically
    publish/   HTML, Akoma Ntoso, JSON, Markdown, computed from the archive XML
"""

from __future__ import annotations

# typing (and the re module it imports) is a fifth of `gongwen --version`'s time: imported for the type
# checker only (mypy takes any name TYPE_CHECKING as true, as it does typing.TYPE_CHECKING)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

# The public names, imported from converter.api on first use (PEP 562), so that
# `import converter` (and `gongwen --version`) loads none of the pipeline. No
# submodule has one of these names (a submodule, once imported, would shadow it).
PUBLIC = frozenset({"Archive", "ArchiveError", "FORMATS", "GongwenError", "InputError", "LineWarning", "Problem",
                    "convert", "load", "render", "validate"})
__all__ = sorted(PUBLIC | {"__version__"})


def __getattr__(name: str) -> Any:
    if name in PUBLIC:
        from converter import api
        return getattr(api, name)
    raise AttributeError(f"module 'converter' has no attribute {name!r}")
