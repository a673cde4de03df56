"""`gongwen inspect`: the recognised outline, from a text input or from archive XML."""

from __future__ import annotations

from click.testing import CliRunner
from lxml import etree

from converter import outline, validation
from converter.cli import main
from tests.conftest import SAMPLES

NOTICE = SAMPLES / "seeds" / "xinzhou-2023-work-report-notice.txt"

# A bulletin issue as FORMAT.md names its parts: masthead, toc, a column (part)
# with two documents, briefs, appointments, a 大事记 chronicle, and a table.
BULLETIN = """<?xml version="1.0" encoding="UTF-8"?>
<archive xmlns="urn:gongwen:archive:1.0" schemaVersion="1.0">
  <source name="gongbao.txt" sha256="{sha}" encoding="gb18030" lines="90"/>
  <bulletin>
    <masthead line="1"><title line="1">新洲区人民政府公报</title>
      <issue line="2" year="2023" n="1" total="44">2023年第1期(总第44期)</issue></masthead>
    <toc line="3"><title line="3">目录</title><part line="4">区级文件选登</part>
      <tocEntry line="5" page="1" target="d1">关于印发政府工作报告的通知</tocEntry>
      <tocEntry line="6" page="13" target="d2">关于印发方案的通知</tocEntry></toc>
    <part title="区级文件选登" line="10">
      <document form="notice" id="d1" line="10">
        <docNumber line="10" prefix="新政发" year="2023" seq="1">新政发〔2023〕1号</docNumber>
        <title line="11">区人民政府关于印发政府工作报告的通知</title>
        <body><p line="12">现将《政府工作报告》印发给你们。</p></body>
      </document>
      <document form="plan" id="d2" line="20">
        <docNumber line="20" prefix="新政办" year="2023" seq="2">新政办〔2023〕2号</docNumber>
        <title line="21">新洲区无废城市建设工作方案</title>
        <body>
          <section line="22" level="1"><num>一、</num><heading line="22">总体要求</heading>
            <section line="23" level="2"><num>（一）</num><heading line="23">指导思想</heading>
              <p line="24">坚持绿色发展。</p></section></section>
          <table line="30"><title line="30">主要指标</title>
            <row kind="header" line="31"><cell>指标</cell><cell>目标值</cell></row>
            <row kind="data" line="32"><cell>固废利用率</cell><cell>60%</cell></row>
            <row kind="data" line="33"><cell>填埋量</cell><cell>0</cell></row>
            <row kind="note" line="34"><cell>注：数据为2023年。</cell></row></table>
        </body>
      </document>
    </part>
    <briefs line="60" id="briefs"><title line="60">政务简讯</title>
      <document form="brief" id="d3" line="61"><title line="61">区政府召开常务会议</title></document></briefs>
    <appointments line="70" id="appointments"><title line="70">人事任免</title>
      <appointment line="71" date="2023-02-01">任命张三为区发改局局长。</appointment></appointments>
    <chronicle line="80" id="chronicle"><title line="80">大事记</title>
      <event line="81" date="2023-01-05">1月5日，区政府召开全体会议。</event>
      <event line="82" date="2023-01-10">1月10日，区人大开幕。</event>
      <event line="83" date="2023-03-02">3月2日，植树节活动。</event></chronicle>
  </bulletin>
  <residue><removed reason="page-number" line="9">— 1 —</removed></residue>
</archive>
""".replace("{sha}", "0" * 64)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_text_input_shows_forms_number_sections_and_glossary():
    result = run("inspect", NOTICE)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("xinzhou-2023-work-report-notice.txt  utf-8, 296 lines")
    assert lines[1] == "document d1  notice  (line 3)"
    assert "  docNumber: 新政发〔2023〕1号" in lines
    assert "    document d1.1  work-report  (line 15)" in lines
    assert "        一、 2022年工作回顾  (level 1, line 27, 7 paragraphs)" in lines
    assert "          (一) 全力做强实体经济,产业质效加速提升  (level 2, line 45, 3 paragraphs)" in lines
    assert "      glossary: 名词解释, 30 entries" in lines
    removed = etree.fromstring(NOTICE.with_suffix(".xml").read_bytes()).findall("{*}residue/{*}removed")
    assert lines[-1] == f"residue: {len(removed)} removed (markup {len(removed)})"


def test_the_xml_output_gives_the_same_outline_as_its_input(tmp_path):
    xml = tmp_path / "notice.xml"
    xml.write_bytes(NOTICE.with_suffix(".xml").read_bytes())
    assert run("inspect", xml).stdout == run("inspect", NOTICE).stdout


def test_depth_limits_the_section_tree():
    full = run("inspect", NOTICE).stdout.splitlines()
    shallow = run("inspect", "--depth", "1", NOTICE).stdout.splitlines()
    assert [line for line in full if "(level 2," not in line] == shallow


def test_a_bulletin_shows_columns_documents_tables_and_the_chronicle(tmp_path):
    assert validation.problems(etree.fromstring(BULLETIN.encode())) == []
    path = tmp_path / "gongbao.xml"
    path.write_text(BULLETIN, encoding="utf-8")
    result = run("inspect", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "gongbao.txt  gb18030, 90 lines",
        "bulletin",
        "  masthead: 新洲区人民政府公报 — 2023年第1期(总第44期) (year 2023, no. 1, total 44)",
        "  toc: 目录 — 2 entries",
        "  part: 区级文件选登 — 2 documents",
        "    document d1  notice  (line 10)",
        "      docNumber: 新政发〔2023〕1号",
        "      title: 区人民政府关于印发政府工作报告的通知",
        "      body: 1 paragraph",
        "    document d2  plan  (line 20)",
        "      docNumber: 新政办〔2023〕2号",
        "      title: 新洲区无废城市建设工作方案",
        "      body: 1 section, 1 table",
        "        一、 总体要求  (level 1, line 22)",
        "          （一） 指导思想  (level 2, line 23, 1 paragraph)",
        "        table 主要指标: 4 rows (1 header, 2 data, 1 note), 2 columns  (line 30)",
        "  briefs: 政务简讯 — 1 document",
        "    document d3  brief  (line 61)",
        "      title: 区政府召开常务会议",
        "  appointments: 人事任免 — 1 appointment",
        "  chronicle: 大事记 — 3 events",
        "residue: 1 removed (page-number 1)",
    ]


def test_unknown_elements_are_shown_by_name_with_the_documents_inside():
    root = etree.fromstring(
        b'<archive xmlns="urn:gongwen:archive:1.0"><bulletin><supplement title="\xe5\xa2\x9e\xe5\x88\x8a">'
        b'<group><document form="notice" id="d9" line="5"><title>T</title></document></group>'
        b'<note/></supplement></bulletin></archive>')
    assert outline.outline(root) == [
        "bulletin",
        "  supplement: 增刊 (2 children)",
        "    group (1 child)",
        "      document d9  notice  (line 5)",
        "        title: T",
    ]


def test_inputs_that_cannot_be_inspected_fail_in_one_line(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><archive>&x;</archive>')
    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"%PDF-1.5")
    for path, message in ((bomb, "1:1: a DOCTYPE is not allowed"), (scan, "not a text document (looks like PDF)"),
                          (tmp_path / "missing.txt", "no such file")):
        result = run("inspect", path)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"gongwen: {path}: {message}") and result.stderr.count("\n") == 1


def test_the_seed_bulletin_shows_its_numbers_and_its_chronicle():
    bulletin = SAMPLES / "seeds" / "xinzhou-bulletin-2023-issue1.txt"
    golden = etree.parse(str(bulletin.with_suffix(".xml")))
    lines = run("inspect", bulletin).stdout.splitlines()
    numbers = [el.text for el in golden.iter("{*}docNumber")]
    shown = [line.strip() for line in lines if line.strip().startswith("docNumber: ")]
    assert numbers and shown == [f"docNumber: {number}" for number in numbers]
    events = len(list(golden.iter("{*}event")))
    assert f"  chronicle: 大事记 — {events} events" in lines and events > 1
    assert any(line.startswith("  part: 区级文件选登 — ") for line in lines)


FIXTURES = SAMPLES.parent / "tests" / "fixtures"


def outline_of(case: str) -> str:
    from converter import pipeline
    data = (FIXTURES / f"{case}.txt").read_bytes()
    return "\n".join(outline.outline(pipeline.convert_bytes(data, f"{case}.txt").root))


def test_the_outline_shows_what_the_forms_add():
    """Part headings, 题注, amendments, what a reply answers, attendance: each a line of its own."""
    assert "adopted: " in outline_of("resolution/adoption-line")
    assert "amendment 一、" in outline_of("decision/amendments")
    assert "answers (request): " in outline_of("reply/basic")
    assert "attendance: " in outline_of("minutes/attendance")
    # a part heading of the body is shown; a section's own heading is not shown twice
    from converter import pipeline
    data = (FIXTURES / "work-report/part-headings-unnumbered.txt").read_bytes()
    root = pipeline.convert_bytes(data, "report.txt").root
    parts = root.xpath("//*[local-name()='body']/*[local-name()='heading']")
    shown = [line for line in outline.outline(root) if line.strip().startswith("heading: ")]
    assert parts and len(shown) == len(parts)
