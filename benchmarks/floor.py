"""The floor: what any converter of text to XML does at least, for every file of a corpus.

    python benchmarks/floor.py CORPUS OUT

Read and decode each file, put one <p> per non-empty line into an lxml
tree, serialise it and write it. Kept apart from bench.py so that its
start-up is only the interpreter's, pathlib's and lxml's.
"""

import sys
from pathlib import Path

from lxml import etree


def floor(corpus: Path, out: Path) -> None:
    for path in sorted(corpus.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        root = etree.Element("archive")
        for line in text.splitlines():
            if line.strip():
                etree.SubElement(root, "p").text = line
        target = out / path.relative_to(corpus).with_suffix(".xml")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


if __name__ == "__main__":
    floor(Path(sys.argv[1]), Path(sys.argv[2]))
