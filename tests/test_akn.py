"""Akoma Ntoso 3.0: every sample validates against the strict OASIS schema; ids, dates, determinism."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from converter import pipeline
from converter.lossless import reading_chars
from converter.publish import akn, render
from converter.publish.archive import reading_text
from tests.conftest import ALL_SAMPLES, SAMPLES

NS = {"a": akn.AKN}
# The AKN naming convention's eId: ASCII letters, digits, underscores and hyphens only.
ASCII_EID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# Any ISO date in serialised output.
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
BULLETIN = next(p for p in ALL_SAMPLES if "bulletin" in p.name)


@pytest.fixture(scope="module", params=ALL_SAMPLES, ids=lambda p: p.name)
def sample(request):
    result = pipeline.convert_file(request.param)
    data = render(result.root, "akn")
    return request.param, result, data, etree.fromstring(data)


def test_every_sample_validates_against_the_strict_schema(sample):
    _, _, _, tree = sample
    assert akn.problems(tree) == []
    assert "lenient" not in str(akn.schema_file(akn.SCHEMA))


def test_two_runs_are_byte_identical(sample):
    path, result, data, _ = sample
    assert render(pipeline.convert_file(path).root, "akn") == data


def test_language_is_zho_and_country_cn(sample):
    _, _, _, tree = sample
    assert {e.get("language") for e in tree.iterfind(".//a:FRBRlanguage", NS)} == {"zho"}
    assert {e.get("value") for e in tree.iterfind(".//a:FRBRcountry", NS)} == {"cn"}


def test_eids_are_ascii_and_unique(sample):
    _, _, _, tree = sample
    eids = [e.get("eId") for e in tree.iter() if isinstance(e.tag, str) and e.get("eId")]
    assert eids and all(ASCII_EID.match(eid) for eid in eids), [e for e in eids if not ASCII_EID.match(e)][:5]
    assert len(eids) == len(set(eids))
    # every local reference points at an eId of the file
    refs = {e.get(attr)[1:] for e in tree.iter() if isinstance(e.tag, str)
            for attr in ("href", "refersTo") if (e.get(attr) or "").startswith("#") and len(e.get(attr)) > 1}
    assert refs <= set(eids), sorted(refs - set(eids))[:5]


def test_every_date_comes_from_the_document(sample):
    """No date but those the archive holds (normalised from the input's text), and the undated placeholder."""
    _, result, _, tree = sample
    printed = {v for el in result.root.iter() for v in (el.get("value"), el.get("date")) if v}
    # dates the export writes itself are attribute values; dates in text are the document's own words
    found = {d for el in tree.iter() if isinstance(el.tag, str) for v in el.attrib.values()
             for d in ISO_DATE.findall(v)}
    assert found <= printed | {akn.UNDATED}, sorted(found - printed)


def test_no_reading_text_is_lost(sample):
    """Every Han character and digit of the archive's reading text is in the AKN text (markers in @marker)."""
    _, result, _, tree = sample
    body = [t for el in tree.iter() if isinstance(el.tag, str) and etree.QName(el).localname != "meta"
            and not any(etree.QName(a).localname == "meta" for a in el.iterancestors())
            for t in (el.text, el.tail, el.get("marker")) if t]
    # tails of meta itself belong to the body
    assert Counter(reading_chars("".join(body))) >= Counter(reading_chars(reading_text(result.root)))


def test_no_wall_clock_date_under_a_faked_clock_and_another_time_zone(tmp_path):
    """The same output when the clock says 2031 and the zone is another: nothing reads the clock."""
    sample = SAMPLES / "more" / "ndrc-2019-860-notice.txt"
    (tmp_path / "sitecustomize.py").write_text(textwrap.dedent("""
        import datetime, time
        FAKE = 1940000000.0          # 2031-06-22
        time.time = lambda: FAKE
        time.time_ns = lambda: int(FAKE * 1e9)
        class FakeDate(datetime.date):
            @classmethod
            def today(cls):
                return datetime.date(2031, 6, 22)
        class FakeDateTime(datetime.datetime):
            @classmethod
            def now(cls, tz=None):
                return datetime.datetime(2031, 6, 22, 12, 0, tzinfo=tz)
            @classmethod
            def today(cls):
                return cls.now()
            @classmethod
            def utcnow(cls):
                return cls.now()
        datetime.date = FakeDate
        datetime.datetime = FakeDateTime
    """))
    outputs = []
    for env_extra in ({"TZ": "UTC"}, {"TZ": "Pacific/Kiritimati", "PYTHONPATH": str(tmp_path)}):
        env = {**os.environ, **env_extra}
        if "PYTHONPATH" in env_extra and os.environ.get("PYTHONPATH"):
            env["PYTHONPATH"] += os.pathsep + os.environ["PYTHONPATH"]
        check = "import time; assert time.time() == 1940000000.0" if "PYTHONPATH" in env_extra else "pass"
        subprocess.run([sys.executable, "-c", check], env=env, check=True)
        done = subprocess.run([sys.executable, "-m", "converter", "convert", "--to", "akn", str(sample)],
                              capture_output=True, env=env, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert b"2031" not in outputs[1]


def test_a_bulletin_is_an_official_gazette_of_components():
    result = pipeline.convert_file(BULLETIN)
    tree = etree.fromstring(render(result.root, "akn"))
    gazette = tree.find("a:officialGazette", NS)
    assert gazette is not None
    components = gazette.findall("a:collectionBody/a:component", NS)
    documents = result.root.findall("{*}bulletin/{*}part/{*}document")
    records = [r for r in result.root.find("{*}bulletin") if etree.QName(r).localname in
               ("briefs", "appointments", "chronicle")]
    assert len(components) == len(documents) + len(records)
    # the 目录 links to the components, in the order printed
    hrefs = [i.get("href") for i in gazette.iterfind("a:preface/a:toc/a:tocItem", NS)]
    assert set(hrefs) <= {f"#{c.get('eId')}" for c in components}
    issue = result.root.find("{*}bulletin/{*}masthead/{*}issue")
    assert gazette.find("a:meta/a:publication", NS).get("number") == issue.get("n")


def test_eids_follow_the_printed_numbering():
    """第一章 … 第五条 → chp_1__art_5; 一、（二） → level1_1__level2_2: values, never the CJK numerals."""
    tree = etree.fromstring(render(pipeline.convert_file(BULLETIN).root, "akn"))
    articles = tree.findall(".//a:chapter/a:article", NS)
    assert articles
    for art in articles:
        chapter = art.getparent()
        assert art.get("eId").endswith(f"chp_{chapter.get('eId').rsplit('_', 1)[1]}__art_"
                                       + art.get("eId").rsplit("_", 1)[1])
    first = tree.find(".//a:chapter/a:num", NS)
    assert first.text == "第一章" and first.getparent().get("eId").endswith("chp_1")
    level2 = tree.find(".//a:hcontainer[@name='level2']", NS)
    assert re.search(r"level1_\d+__level2_\d+$", level2.get("eId"))


def test_document_parts_map_to_preface_preamble_body_conclusions():
    result = pipeline.convert_file(SAMPLES / "seeds" / "xinzhou-2023-work-report-notice.txt")
    tree = etree.fromstring(render(result.root, "akn"))
    doc = tree.find("a:doc", NS)
    assert doc.get("name") == "notice"
    assert doc.findtext("a:preface/a:p/a:docNumber", namespaces=NS) == "新政发〔2023〕1号"
    assert doc.find("a:preamble/a:p[@class='addressee']", NS) is not None
    assert doc.find("a:conclusions/a:p/a:docDate", NS).get("date") == "2023-01-10"
    work = doc.find("a:meta/a:identification/a:FRBRWork", NS)
    assert work.find("a:FRBRuri", NS).get("value").startswith("/akn/cn/doc/notice/2023-01-10/")
    assert work.find("a:FRBRdate", NS).get("date") == "2023-01-10"
    # the report it issues is an attachment with its own work, dated when it was delivered
    report = doc.find("a:attachments/a:attachment/a:doc", NS)
    assert report.get("name") == "work-report"
    assert report.find("a:meta//a:FRBRWork/a:FRBRdate", NS).get("date") == "2022-12-27"


def test_footnote_markers_point_at_glossary_items():
    tree = etree.fromstring(render(pipeline.convert_file(SAMPLES / "seeds" / "wuchang-2023-work-report.md.txt").root,
                                   "akn"))
    refs = tree.findall(".//a:noteRef", NS)
    assert refs and all(r.get("marker") for r in refs)
    items = {i.get("eId"): i for i in tree.iterfind(".//a:hcontainer[@name='glossary']//a:item", NS)}
    for ref in refs:
        assert ref.get("href")[1:] in items
        assert items[ref.get("href")[1:]].find("a:p/a:def", NS) is not None


def test_an_undated_text_gets_the_placeholder_and_no_invented_date():
    tree = etree.fromstring(render(pipeline.convert_bytes("一、总则\n各单位要加强管理。\n".encode(), "x.txt").root,
                                   "akn"))
    assert akn.problems(tree) == []
    dates = {d.get("date"): d.get("name") for d in tree.iter(f"{{{akn.AKN}}}FRBRdate")}
    assert dates == {akn.UNDATED: "undated"}


BULLETIN_FIXTURES = sorted((Path(__file__).parent / "fixtures" / "bulletin").glob("*.txt"))


@pytest.mark.parametrize("case", BULLETIN_FIXTURES, ids=lambda p: p.stem)
def test_every_bulletin_fixture_validates_and_keeps_its_reading_text(case):
    """The records' rarer parts (a 大事记's month headings, briefs, 任免) have AKN of their own."""
    result = pipeline.convert_file(case)
    tree = etree.fromstring(render(result.root, "akn"))
    assert akn.problems(tree) == []
    text = reading_chars("".join(tree.itertext()))
    assert all(reading_chars(t) in text for t in result.root.xpath("//*[local-name()='heading']/text()"))
