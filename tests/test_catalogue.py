"""`gongwen catalogue` (issue 14): the 归档文件目录, checked against the archives of every sample."""

from __future__ import annotations

import csv
import html
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter import catalogue
from converter.cli import main
from tests.conftest import ALL_SAMPLES, golden_path

REPO = Path(__file__).resolve().parent.parent
# every sample with its reviewed golden
REVIEWED = [(sample, golden_path(sample)) for sample in ALL_SAMPLES if golden_path(sample).exists()]
GOLDEN = [golden for _, golden in REVIEWED]
NS = {"g": "urn:gongwen:archive:1.0"}
BOM = b"\xef\xbb\xbf"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"), newline="")))


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list[dict[str, str]]:
    out = tmp_path_factory.mktemp("catalogue") / "catalogue.csv"
    result = run("catalogue", *GOLDEN, "-o", out)
    assert result.exit_code == 0, result.stderr
    return read_csv(out.read_bytes())


def test_one_row_per_document_that_no_other_document_holds(rows):
    for golden in GOLDEN:
        root = etree.parse(str(golden)).getroot()
        ids = root.xpath("//g:document[not(ancestor::g:document)]/@id", namespaces=NS)
        assert sorted(r["文档"] for r in rows if r["档案文件"] == str(golden)) == sorted(ids), golden.name
    # the bulletin's documents are rows of their own, each with the issue it came from
    bulletin = [r for r in rows if r["来源文件"] == "xinzhou-bulletin-2023-issue1.txt"]
    assert len(bulletin) == 8
    assert {(r["公报"], r["期"]) for r in bulletin} == {("新洲区人民政府公报", "2023年第1期（总第44期）")}
    assert {r["栏目"] for r in bulletin} == {"区级文件选登", "政务简讯"}
    assert all(r["公报"] == r["期"] == r["栏目"] == "" for r in rows if r not in bulletin)


def test_responsible_number_title_and_date_agree_with_every_archive_and_its_input(rows):
    """Each value is read by XPath here, independently of the catalogue's code, and found in the input."""
    checked = 0
    for sample, golden in REVIEWED:
        root = etree.parse(str(golden)).getroot()
        # the input's text: an HTML page's without its tags (a title may break at a <br/>)
        printed = "".join(html.unescape(re.sub(r"<[^>]*>", "", sample.read_text(encoding="utf-8"))).split())
        for row in (r for r in rows if r["档案文件"] == str(golden)):
            doc = root.xpath(f"//g:document[@id='{row['文档']}']", namespaces=NS)[0]

            def one(path: str) -> str:
                return squeeze(doc.xpath(f"string({path})", namespaces=NS))
            signers = [squeeze("".join(s.itertext())) for s in doc.xpath("g:signature/g:signer", namespaces=NS)]
            named = one("g:title").split("关于")[0] if "关于" in one("g:title") else ""   # the organ a title names
            assert row["责任者"] == ("；".join(signers) or one("g:author") or named)
            printed_number = one("g:docNumber")
            if one("g:docNumber/@date"):                 # a 文号 printed only in a dated 题注
                assert row["文号"] and row["文号"] in printed_number and not row["文号"].startswith("(")
            else:
                assert row["文号"] == printed_number
            assert row["发文字号"] == row["文号"]
            assert row["题名"] == one("g:title") and row["标题"] == row["题名"]
            iso = (one("g:signature/g:date/@value") or one("g:delivered/@date") or one("@date")
                   or one("g:docNumber/@date") or one("g:body/g:adopted[@date][last()]/@date"))
            assert row["日期"] == iso.replace("-", "") and row["成文日期"] == iso
            # what the document prints is what the catalogue holds
            for value in (row["文号"], row["题名"], *signers):
                assert "".join(value.split()) in printed, (golden.name, value)
            if row["日期"]:
                assert re.fullmatch(r"\d{8}", row["日期"])
                shown = one("g:signature/g:date") or one("g:delivered") or iso
                y, m, d = int(row["日期"][:4]), int(row["日期"][4:6]), int(row["日期"][6:])
                assert [y, m, d] == printed_date(shown) or shown == iso
            checked += 1
    assert checked == len(rows) == 25


# Chinese numerals of a printed date: 二〇〇三年十二月十六日
CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0, "o": 0}


def printed_date(shown: str) -> list[int]:
    """Year, month and day of a date as printed, in Arabic or Chinese numerals (a reading of its own)."""
    numbers = re.findall(r"\d+", shown)
    if numbers:
        return [int(n) for n in numbers][:3]
    year, rest = shown.split("年", 1)
    month, rest = rest.split("月", 1)

    def small(text: str) -> int:             # 十六 → 16, 十 → 10, 二十 → 20, 九 → 9
        tens, _, ones = text.partition("十")
        if "十" not in text:
            return CN_DIGIT[text]
        return (CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[ones] if ones else 0)
    return [int("".join(str(CN_DIGIT[c]) for c in year)), small(month), small(rest.rstrip("日"))]


def test_printed_date_reads_both_numerals():
    assert printed_date("2003年12月16日") == [2003, 12, 16]
    assert printed_date("二○○三年十二月十六日") == [2003, 12, 16]
    assert printed_date("二OO三年十月四日") == [2003, 10, 4]
    assert printed_date("二〇〇四年一月二十一日") == [2004, 1, 21]


def test_the_values_of_a_printed_notice(rows):
    notice = next(r for r in rows if r["来源文件"] == "xinzhou-2023-work-report-notice.txt")
    assert (notice["责任者"], notice["文号"], notice["日期"]) == ("武汉市新洲区人民政府", "新政发〔2023〕1号", "20230110")
    assert notice["文种"] == "通知" and notice["主送机关"].startswith("各镇人民政府")
    assert notice["印发机关"] == "武汉市新洲区人民政府办公室" and notice["印发日期"] == "2023-01-10"
    assert notice["抄送机关"].startswith("抄送：区委各部门")
    joint = next(r for r in rows if r["来源文件"] == "ndrc-2019-860-notice.txt")
    assert joint["责任者"] == "国家发展改革委办公厅；税务总局办公厅"        # 联合发文: every signer
    speech = next(r for r in rows if r["来源文件"] == "wuchang-2023-work-report.md.txt")
    assert speech["责任者"] == "武昌区人民政府区长 范礼奎" and speech["日期"] == "20221227"


def test_what_the_text_does_not_hold_stays_empty(rows):
    for column in ("页数", "备注", "密级", "保管期限", "公文标识", "份号", "密级和保密期限", "紧急程度", "签发人", "发布层次"):
        assert {r[column] for r in rows} == {""}, column
    undated = [r for r in rows if not r["日期"]]
    assert [r["来源文件"] for r in undated] == ["state-council-1955-report-wikisource.txt"]


def test_columns_in_standard_order_rows_by_date_numbered_from_one(rows):
    assert list(rows[0]) == list(catalogue.COLUMNS)
    assert list(catalogue.COLUMNS[:7]) == ["件号", "责任者", "文号", "题名", "日期", "页数", "备注"]
    assert [r["件号"] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    dates = [r["日期"] for r in rows if r["日期"]]
    assert dates == sorted(dates) and rows[-1]["日期"] == ""


def test_the_same_bytes_on_every_run_csv_and_xlsx(tmp_path):
    pytest.importorskip("openpyxl")
    outputs = []
    for name in ("c.csv", "c.xlsx"):
        here, there = tmp_path / f"here-{name}", tmp_path / f"there-{name}"
        assert run("catalogue", *GOLDEN, "-o", here, "-q").exit_code == 0
        # another process, another time zone and hash seed, a moment later
        subprocess.run([sys.executable, "-m", "converter", "catalogue", *GOLDEN, "-o", there, "-q"],
                       check=True, cwd=REPO, env={"TZ": "Asia/Shanghai", "PYTHONHASHSEED": "7", "PATH": ""})
        assert here.read_bytes() == there.read_bytes(), name
        outputs.append(here.read_bytes())
    with zipfile.ZipFile(io.BytesIO(outputs[1])) as book:
        assert {info.date_time for info in book.infolist()} == {catalogue.FIXED_ZIP_TIME}
        core = book.read("docProps/core.xml").decode()
        assert core.count("1980-01-01T00:00:00Z") == 2            # created and modified, not the time of the run


def test_the_xlsx_reads_back_with_openpyxl_as_the_csv(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    assert run("catalogue", *GOLDEN, "-o", tmp_path / "c.csv").exit_code == 0
    assert run("catalogue", *GOLDEN, "-o", tmp_path / "c.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx").active
    assert sheet.title == "归档文件目录"
    cells = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    expected = [list(catalogue.COLUMNS)] + [list(r.values()) for r in read_csv((tmp_path / "c.csv").read_bytes())]
    assert cells == expected


def archive_xml(title: str, extra: str = "") -> bytes:
    return (f'<archive xmlns="urn:gongwen:archive:1.0" schemaVersion="1.0"><source name="x.txt" sha256="{"0" * 64}" '
            f'encoding="utf-8" lines="3"/><document form="notice" id="d1"><title>{title}</title>{extra}</document>'
            f'<residue/></archive>').encode()


def test_a_cell_that_looks_like_a_formula_stays_text(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "a.xml").write_bytes(archive_xml("=HYPERLINK(\"http://x\")", '<remark>@附注</remark>'))
    assert run("catalogue", tmp_path / "a.xml", "-o", tmp_path / "c.csv").exit_code == 0
    row = read_csv((tmp_path / "c.csv").read_bytes())[0]
    assert row["题名"] == "'=HYPERLINK(\"http://x\")" and row["附注"] == "'@附注"
    assert run("catalogue", tmp_path / "a.xml", "-o", tmp_path / "c.xlsx").exit_code == 0
    cell = openpyxl.load_workbook(tmp_path / "c.xlsx").active["D2"]
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"


def test_a_file_that_is_not_an_archive_fails_alone_and_stdout_gets_the_csv(tmp_path):
    good, other, broken = tmp_path / "good.xml", tmp_path / "other.xml", tmp_path / "broken.xml"
    good.write_bytes(archive_xml("关于某事的通知"))
    other.write_bytes(b"<feed><title>x</title></feed>")
    broken.write_bytes(b"<archive")
    result = run("catalogue", tmp_path, "-o", "-")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "documents from" not in line]
    assert errors[0].startswith(f"gongwen: {broken}: 1:") and "not well-formed" in errors[0]
    assert errors[1] == f"gongwen: {other}: not a gongwen archive (its root element is <feed>)"
    assert result.stderr.splitlines()[-1] == "gongwen: 1 documents from 1 archives, 2 failed"
    assert [r["题名"] for r in read_csv(result.stdout_bytes)] == ["关于某事的通知"]


def test_the_kind_column_is_the_kind_word_the_document_goes_by():
    """文种 is a 文种 word (通知, 批复, 命令 …), the title's own unless it is another form's; empty only when unknown."""
    from converter.catalogue import doc_number, kind_word
    assert kind_word("notice", "区人民政府关于印发政府工作报告的通知") == "通知"
    assert kind_word("regulation", "某某县城市绿化管理办法（试行）") == "办法"
    assert kind_word("order", "某某市人民政府关于修改《某某规定》的决定") == "命令"     # the title of what it promulgates
    assert kind_word("work-report", "2026年政府工作报告") == "报告"
    assert kind_word("unknown", "") == ""
    dated = etree.fromstring('<docNumber xmlns="urn:gongwen:archive:1.0" date="1985-05-04" prefix="皖政" '
                             'year="1985" seq="38">(1985年5月4日皖政〔1985〕38号)</docNumber>')
    assert doc_number(dated) == "皖政〔1985〕38号"
