"""Tables: one logical, structured table from page-broken rows (issue 4)."""

from __future__ import annotations

import pytest
from lxml import etree

from converter import lossless, pipeline
from converter.blocks import table_structure
from converter.blocks.table_structure import tidy
from converter.model.blocks import TableBlock
from converter.model.context import Context
from converter.model.text import Line
from converter.normalise import normalise
from tests.conftest import SAMPLES

NS = {"g": "urn:gongwen:archive:1.0"}


def xp(node, path):
    return node.xpath(path, namespaces=NS)


def cells(row) -> list[str]:
    return ["".join(c.itertext()) for c in xp(row, "g:cell")]


@pytest.fixture(scope="module")
def tables():
    root = etree.fromstring(pipeline.convert_file(SAMPLES / "seeds" / "xinzhou-bulletin-2023-issue1.txt").xml)
    return root, xp(root, "//g:table")


def kinds(table, kind):
    return xp(table, f"g:row[@kind='{kind}']")


def test_indicator_table(tables):
    _, all_tables = tables
    table = all_tables[0]
    assert xp(table, "string(g:title)") == "新洲区“无废城市”建设指标与目标设置一览表"
    assert len(kinds(table, "header")) == 1
    data = kinds(table, "data")
    assert len(data) == 47 and all(len(xp(r, "g:cell")) == 8 for r in data)
    # rows 4–9 lost an empty cell in OCR: realigned
    for row in data[3:9]:
        values = cells(row)
        assert values[1] == values[2] == "" and values[3] and values[7]
    assert cells(data[3])[3].startswith("开展绿色工厂建设") and cells(data[3])[6:] == ["区科经局", "各街镇"]
    # hierarchical columns: rowspan on the first cell, the covered cells empty
    first = xp(data[0], "g:cell")
    assert first[1].get("rowspan") == "9" and cells(data[1])[1] == ""
    notes = kinds(table, "note")
    assert len(notes) == 2 and cells(notes[0])[0].startswith("注：1.★表示必选指标")


def test_task_tables(tables):
    _, all_tables = tables
    task = [t for t in all_tables if xp(t, "string(g:title)").startswith("责任单位：")]
    assert len(task) == 31
    assert sum(len(kinds(t, "group")) for t in task) == 39
    data = [r for t in task for r in kinds(t, "data")]
    assert len(data) == 167 and all(len(xp(r, "g:cell")) == 5 for r in data)
    assert all(len(kinds(t, "header")) == 1 for t in task)
    groups = [cells(r) for t in task for r in kinds(t, "group")]
    assert all(len(g) == 1 for g in groups)


def test_attachment_tables(tables):
    root, all_tables = tables
    attachments = xp(root, "//g:document[g:docNumber='新政办〔2023〕5号']//g:attachment")
    counts = [len(kinds(xp(a, "g:table")[0], "data")) for a in attachments]
    assert counts == [1, 10, 103, 47, 5]
    assert all(len(xp(r, "g:cell")) == 6 for a in attachments for r in xp(a, ".//g:row[@kind='data']"))
    # the continuation line below row 10 of 附件2 is merged into it, cell by cell
    row10 = kinds(xp(attachments[1], "g:table")[0], "data")[9]
    merged = xp(row10, ".//g:merged")
    assert [(m.get("line"), m.text) for m in merged] == [("1277", "完成刘集水厂至凤凰水厂管网延伸工程建设。"), ("1277", "8 月")]
    # row 27 of 附件3, split by a page break and printed again in full: one row
    rows = kinds(xp(attachments[2], "g:table")[0], "data")
    assert [cells(r)[0] for r in rows[25:28]] == ["26", "27", "28"]
    assert cells(rows[26])[2].startswith("6.积极协调服务企业")
    repeated = xp(root, "//g:removed[@reason='repeated-table-row']")
    assert [r.get("line") for r in repeated] == ["1320"]


def test_repeated_headers_go_to_residue(tables):
    root, _ = tables
    repeats = xp(root, "//g:removed[@reason='repeated-table-header']")
    assert len(repeats) == 4 + 9 + 27          # indicator, task and attachment tables
    assert any("分管 区领导" in r.text for r in repeats)    # a variant of the header


def convert_text(text: str, tmp_path):
    return convert_with_warnings(text, tmp_path)[0]


def convert_with_warnings(text: str, tmp_path):
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    result = pipeline.convert_file(path)
    return etree.fromstring(result.xml), result.warnings


def test_markdown_pipe_table(tmp_path):
    root = convert_text("关于某事的通知\n\n<!-- TABLE -->\n| 序号 | 项目 | 责任单位 |\n|---|:---:|---|\n"
                        "| 1 | 修路 | 区交通局 |\n| 2 | 建桥 | 区住建局 |\n\n正文完。\n", tmp_path)
    table = xp(root, "//g:table")[0]
    assert [cells(r) for r in xp(table, "g:row")] == [
        ["序号", "项目", "责任单位"], ["1", "修路", "区交通局"], ["2", "建桥", "区住建局"]]
    assert [r.get("kind") for r in xp(table, "g:row")] == ["header", "data", "data"]
    assert xp(root, "//g:removed[@reason='markup'][starts-with(., '|---')]")


def test_numbering_warning(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("某表\n序号\t项目\t单位\n1\t甲\t局\n3\t乙\t局\n", encoding="utf-8")
    result = pipeline.convert_file(path)
    assert (4, "table numbering skips: 3 after 1") in result.warnings


@pytest.mark.parametrize("printed, tidied", [
    ("产 品类废物", "产品类废物"), ("工业危险废物填埋处置量下降幅 度★", "工业危险废物填埋处置量下降幅度★"),
    ("区科经局 区发改局", "区科经局 区发改局"), ("祝莹 肖新锋", "祝莹 肖新锋"),
])
def test_ocr_gaps_inside_words(printed, tidied):
    assert tidy(printed) == tidied


def test_tabs_survive_normalisation():
    page = normalise("2023 年区分解表\t\t\t\n\t续行\t\t8 月\t\n")
    assert [l.text for l in page.lines] == ["2023 年区分解表\t\t\t", "\t续行\t\t8 月\t"]


def test_a_row_printed_three_times_is_one_row(tmp_path):
    text = "某表\n序号\t项目\t单位\n1\t甲\t乙\n1\t甲\t乙\n1\t甲\t乙\n2\t丙\t丁\n"
    root = convert_text(text, tmp_path)
    rows = [cells(r) for r in xp(root, "//g:row[@kind='data']")]
    assert rows == [["1", "甲", "乙"], ["2", "丙", "丁"]]
    assert [r.get("line") for r in xp(root, "//g:removed[@reason='repeated-table-row']")] == ["3", "4"]
    assert lossless.check(text, root) is None


def test_a_lone_markdown_separator_is_markup_not_a_table(tmp_path):
    text = "关于某事的通知\n|---|---|\n正文。\n"
    root = convert_text(text, tmp_path)
    assert not xp(root, "//g:table")
    assert lossless.check(text, root) is None


def test_a_continuation_line_wider_than_its_row_loses_nothing(tmp_path):
    text = "关于某事的通知\n1\t甲\t乙\n\t续\t\t8 月\n"
    root = convert_text(text, tmp_path)
    assert [m.text for m in xp(root, "//g:merged")] == ["续", "8 月"]
    assert lossless.check(text, root) is None


def test_text_after_the_last_pipe_of_a_row_is_a_cell(tmp_path):
    # issue 11, fault 1: "|2|乙|丙" lost 丙 with exit 0 and no warning
    text = "通知\n\n|1|甲|\n|2|乙|丙\n"
    root, warnings = convert_with_warnings(text, tmp_path)
    assert [cells(r) for r in xp(root, "//g:row")] == [["1", "甲"], ["2", "乙 丙"]]
    assert (4, "table row has 3 cells, the header 2; extra cells joined to the last") in warnings
    assert lossless.check(text, root) is None


def test_a_continuation_row_with_text_after_its_last_pipe_keeps_it(tmp_path):
    text = "通知\n\n|1|甲|\n||丙\n"
    root = convert_text(text, tmp_path)
    assert [m.text for m in xp(root, "//g:merged")] == ["丙"]
    assert lossless.check(text, root) is None


def test_cells_joined_beyond_the_header_keep_a_space_apart(tmp_path):
    text = ("关于下达春季植树任务的通知\n各乡镇人民政府：\n春季植树任务分解表\n序号\t乡镇\t任务（亩）\n"
            "1\t城关镇\t500\n2\t西山乡\t900\t补植\t另计\n")
    root = convert_text(text, tmp_path)
    assert [cells(r) for r in xp(root, "//g:row[@kind='data']")][-1] == ["2", "西山乡", "900 补植 另计"]


def test_a_line_of_white_space_inside_a_table_is_passed_over():
    # (normalise makes such a line a gap before the parser sees it; the table builder holds up without that)
    rows = ["序号  指标  目标", "1  产值  98%", "   ", "2  税收  10%"]
    lines = [Line(k + 1, None, row) for k, row in enumerate(rows)]
    ctx = Context(True, lambda *args: None)
    table = table_structure.build(TableBlock(lines, [None] * len(lines), spaced=True), ctx)
    assert [(row.kind, [cell.key for cell in row.cells]) for row in table.rows] == [
        ("header", ["序号", "指标", "目标"]), ("data", ["1", "产值", "98%"]), ("data", ["2", "税收", "10%"])]
