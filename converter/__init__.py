"""gongwen: deterministic converter from Chinese official-document text to archival XML.

The pipeline, one module a stage:

    reader     bytes → decoded text, digest, encoding
    normalise  text → Lines (clean printed text) + residue (page furniture, markup)
    blocks     Lines → paragraphs and numbered sections (the block-rule table)
    recognise  which form a text holds, and where each document starts
    forms/     one transform module per document form
    tree       the parsed model → lxml tree
    validate   the bundled XSD
    writer     serialise, write atomically
"""

__version__ = "0.1.0"
