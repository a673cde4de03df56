"""The XSD holds the contract: references cannot dangle, fixed values are enumerated."""

from __future__ import annotations

import pytest
from lxml import etree

from converter import validation

ARCHIVE = """<?xml version="1.0" encoding="UTF-8"?>
<archive xmlns="urn:gongwen:archive:1.0" schemaVersion="1.0">
  <source name="x.txt" sha256="{sha}" encoding="utf-8" lines="3"/>
  <document form="{form}" id="d1" line="1">
    <body><p line="1">六税两费<noteRef target="{target}">①</noteRef></p></body>
    <glossary line="2"><entry n="1" id="d1.n1" line="3"><term>六税两费</term><definition>资源税。</definition></entry></glossary>
  </document>
  <residue><removed reason="{reason}" line="1">**</removed></residue>
</archive>"""


def archive(form="work-report", target="d1.n1", reason="markup", sha="0" * 64) -> bytes:
    return ARCHIVE.format(form=form, target=target, reason=reason, sha=sha).encode()


def lxml_valid(xml: bytes) -> bool:
    return not validation.problems(etree.fromstring(xml))


def xmlschema_valid(xml: bytes) -> bool:
    return validation.xmlschema_schema().is_valid(etree.fromstring(xml))


def test_a_well_formed_archive_is_valid_for_both_validators():
    assert lxml_valid(archive()) and xmlschema_valid(archive())


def test_dangling_note_ref_fails_in_lxml_and_xmlschema():
    xml = archive(target="d1.n9")
    assert not lxml_valid(xml)
    assert not xmlschema_valid(xml)


@pytest.mark.parametrize("bad", [dict(form="memo"), dict(reason="cosmetic"), dict(sha="xyz")])
def test_enumerated_and_patterned_values_are_enforced(bad):
    xml = archive(**bad)
    assert not lxml_valid(xml) and not xmlschema_valid(xml)


def test_check_file_reports_line_and_column(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_bytes(archive(target="nowhere"))
    problems = validation.check_file(path)
    assert problems and problems[0].line > 0


def test_check_file_refuses_doctype_and_entities(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            '<archive xmlns="urn:gongwen:archive:1.0">&lol2;</archive>')
    path = tmp_path / "bomb.xml"
    path.write_text(bomb)
    problems = validation.check_file(path)
    assert problems and "DOCTYPE" in problems[0].message


def test_every_element_the_schema_declares_is_documented():
    """The XSD is the contract's full definition: each element it declares says what it holds."""
    from converter.validation import schema_path
    xs = {"xs": "http://www.w3.org/2001/XMLSchema"}
    tree = etree.parse(str(schema_path()))
    declared = tree.xpath("//xs:element[@name]", namespaces=xs)
    assert len(declared) > 80
    bare = sorted({e.get("name") for e in declared
                   if not "".join(e.xpath("xs:annotation/xs:documentation//text()", namespaces=xs)).strip()})
    assert bare == [], f"elements without xs:documentation: {bare}"
