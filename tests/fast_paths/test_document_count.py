"""Result.documents counts what its XPath definition (pipeline.TOP_DOCUMENTS) finds."""

from __future__ import annotations

from lxml import etree

from converter import pipeline
from converter.model.node import Node
from converter.tree.xml import document
from tests.conftest import ALL_SAMPLES


def test_the_samples_count_as_the_xpath_counts() -> None:
    for path in ALL_SAMPLES:
        result = pipeline.convert_file(path)
        assert result.documents == len(pipeline.TOP_DOCUMENTS(result.root)), path


def test_nested_documents_and_other_namespaces() -> None:
    tree = Node("archive", {}, [Node("document", {}, [Node("document"), Node("part", {}, [Node("document")])]),
                                Node("bulletin", {}, [Node("part", {}, [Node("document"), Node("document")])]),
                                Node("document")])
    root = document(tree)
    etree.SubElement(root, "document")                           # without a namespace
    etree.SubElement(etree.SubElement(root, "{urn:x}document"), "{urn:y}document")
    result = pipeline.Result(root, (), ())
    assert result.documents == len(pipeline.TOP_DOCUMENTS(root)) == 6
