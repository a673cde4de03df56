"""Hostile and messy input (issue 5): every file converts losslessly or fails with one clear line."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter import pipeline, reader, validation
from converter.cli import main
from converter.reader import InputError
from tests.conftest import SAMPLES, assert_lossless

WUCHANG = SAMPLES / "seeds" / "wuchang-2023-work-report.md.txt"
TEXT = WUCHANG.read_text(encoding="utf-8")
# source/@name, @sha256 and @encoding: the only attributes that differ between encodings
SOURCE_ATTRS = re.compile(rb' (?:name|sha256|encoding)="[^"]*"')
# Text that GBK can encode (the sample has ⑪, which GBK lacks).
GBK_TEXT = "一、总体要求\n坚持稳中求进工作总基调，完成全年目标任务。\n二、主要任务\n（一）发展经济。\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if not line.startswith("gongwen: warning")]


def source_of(xml: bytes) -> etree._Element:
    return etree.fromstring(xml).find("{*}source")


# --- encodings -------------------------------------------------------------------

ENCODINGS = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "gb18030": TEXT.encode("gb18030"),
    "utf-16 LE with BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16 BE with BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "utf-16 LE without BOM": TEXT.encode("utf-16-le"),
}
RECORDED = {"utf-8": "utf-8", "utf-8 with BOM": "utf-8", "gb18030": "gb18030", "utf-16 LE with BOM": "utf-16",
            "utf-16 BE with BOM": "utf-16", "utf-16 LE without BOM": "utf-16-le"}


@pytest.mark.parametrize("label", ENCODINGS)
def test_every_encoding_gives_the_same_document(label, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(ENCODINGS[label])
    result = pipeline.convert_file(path)
    assert source_of(result.xml).get("encoding") == RECORDED[label]
    reference = pipeline.convert_file(WUCHANG).xml
    assert SOURCE_ATTRS.sub(b"", result.xml) == SOURCE_ATTRS.sub(b"", reference)


def test_gbk_file_is_read_as_gb18030_and_encoding_override_is_recorded(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(GBK_TEXT.encode("gbk"))
    assert source_of(pipeline.convert_file(path).xml).get("encoding") == "gb18030"
    result = run("convert", "--encoding", "GBK", path)
    assert result.exit_code == 0
    assert 'encoding="gbk"' in result.stdout


def test_big5_is_not_misread_as_gb18030(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("一、政府工作報告\n這是一個測試，關於經濟發展。\n".encode("big5"))
    source = reader.read_source(path)
    assert source.encoding in ("big5", "big5hkscs", "cp950")
    assert "政府工作報告" in source.text


def test_wrong_encoding_override_fails_naming_the_byte_offset(tmp_path):
    path = tmp_path / "gbk.txt"
    data = GBK_TEXT.encode("gbk")
    path.write_bytes(data)
    with pytest.raises(UnicodeDecodeError) as python_says:
        data.decode("utf-8")
    result = run("convert", "--encoding", "utf-8", path)
    assert result.exit_code == 1
    assert error_lines(result) == [f"gongwen: {path}: undecodable bytes at byte offset {python_says.value.start} (utf-8); "
                                   "--errors replace converts them to U+FFFD"]
    assert run("convert", "--encoding", "klingon", path).exit_code == 2     # a usage error (issue 14)


def damaged_utf8() -> bytes:
    """The sample with a stray byte between 坚 and 持, and one 持 cut short."""
    data = TEXT.encode("utf-8")
    cut = data.index("坚持".encode()) + 3
    data = data[:cut] + b"\xff" + data[cut:]
    second = data.index("持".encode(), cut + 4)
    return data[:second] + data[second:second + 2] + data[second + 3:]


def test_undecodable_bytes_fail_with_the_offset(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(damaged_utf8())
    offset = damaged_utf8().index(b"\xff")
    result = run("convert", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert error_lines(result) == [f"gongwen: {path}: undecodable bytes at byte offset {offset} (utf-8); "
                                   "--errors replace converts them to U+FFFD"]


def test_errors_replace_converts_with_a_warning_and_stays_lossless(tmp_path):
    path = tmp_path / "damaged.txt"
    data = damaged_utf8()
    path.write_bytes(data)
    result = run("convert", "--errors", "replace", path)
    assert result.exit_code == 0
    bad = data.index(b"\xff")
    line = data[:bad].count(b"\n") + 1
    assert (f"gongwen: warning: {path}:{line}: 2 undecodable byte sequences (utf-8) replaced with U+FFFD, "
            f"the first at byte offset {bad}") in result.stderr
    xml = result.stdout.encode("utf-8")
    assert "\ufffd" in result.stdout
    assert validation.problems(etree.fromstring(xml)) == []
    assert_lossless(data.decode("utf-8", errors="replace"), xml)


def test_utf16_lone_surrogate_is_an_error_or_a_replacement(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "一、总体\n".encode("utf-16-le") + b"\x00\xd8" + "好\n".encode("utf-16-le"))
    with pytest.raises(InputError, match="byte offset 12"):
        reader.read_source(path)
    result = pipeline.convert_file(path, errors="replace")
    assert "\ufffd" in etree.fromstring(result.xml).findtext(".//{*}p")


# --- inputs that are not documents -------------------------------------------------

NOT_DOCUMENTS = {
    "empty.txt": (b"", "empty: no text to convert"),
    "blank.txt": (" \r\n\t\n\u3000\n".encode("utf-8"), "empty: no text to convert"),
    "scan.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not a text document (looks like PDF)"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text document (looks like PNG)"),
    "bundle.md": (b"PK\x03\x04\x14\x00\x06\x00", "not a text document (looks like ZIP)"),
    "blob.txt": (bytes(range(256)) * 4, "not a text document (looks like binary data)"),
    "markup.txt": (b"** **\n## \n<p></p>\n", "no reading text: every line is page furniture or markup"),
}


@pytest.mark.parametrize("name", NOT_DOCUMENTS)
def test_not_a_document_is_one_line_and_exit_1(name, tmp_path):
    data, message = NOT_DOCUMENTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = run("convert", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"gongwen: {path}: {message}"]


def test_directory_missing_and_unreadable_inputs(tmp_path, monkeypatch):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    result = run("convert", folder)
    assert result.exit_code == 2            # a usage error with a hint (issue 14)
    assert f"{folder} is a directory: give -o OUT_DIR to convert the files in it" in result.stderr
    result = run("convert", tmp_path / "missing.txt")
    assert result.exit_code == 1 and result.stderr.splitlines() == [f"gongwen: {tmp_path / 'missing.txt'}: no such file"]
    locked = tmp_path / "locked.txt"
    locked.write_text("一、总体要求\n", encoding="utf-8")

    real_open = os.open

    def refuse(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)
    # tests may run as root, for whom chmod 000 does not stop reading
    monkeypatch.setattr(os, "open", refuse)
    result = run("convert", locked)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"gongwen: {locked}: cannot be read (Permission denied)"]


def test_a_fifo_is_refused_not_read_forever(tmp_path):
    fifo = tmp_path / "pipe.txt"
    try:
        import os
        os.mkfifo(fifo)
    except (AttributeError, OSError):
        pytest.skip("no FIFOs here")
    with pytest.raises(InputError, match="not a regular file"):
        reader.read_source(fifo)


# --- line ends and characters XML forbids -----------------------------------------------

def test_line_ends_and_forbidden_characters_stay_out_of_the_text(tmp_path):
    text = ("一、总体要求\r\n第1条内容\x00。\r第2条\x0c内容。\n"
            "第3条\ufffe内容\uffff。\x1b\n")
    path = tmp_path / "controls.txt"
    path.write_bytes(text.encode("utf-8"))
    result = pipeline.convert_file(path)
    root = etree.fromstring(result.xml)
    assert validation.problems(root) == []
    codepoints = [el.get("codepoint") for el in root.iter("{*}removed") if el.get("reason") == "control-char"]
    assert codepoints == ["U+0000", "U+000C", "U+FFFE", "U+FFFF", "U+001B"]
    assert all(not el.text for el in root.iter("{*}removed") if el.get("reason") == "control-char")
    assert source_of(result.xml).get("lines") == "4"
    assert_lossless(text, result.xml)


# --- pathological lines: one per pattern class of rules.py, normalise.py and forms/ --------------
# Each must convert to valid, lossless XML. A pattern that backtracked
# catastrophically would not finish: benchmarks/bench.py --scale times them.

PATHOLOGICAL = {
    "letter-spacing: a long gap between two Han": "通" + " " * 50_000 + "知\n",
    "markup: an unclosed comment": "<!--" + "注" * 50_000 + "\n",
    "markup: tags that never close": "<a " * 20_000 + "\n",
    "markup: bold toggles": "**" * 10_000 + "文\n",
    "numbering: 1. repeated on one line": "1." * 50_000 + "\n",
    "dates: 2023年 repeated": "2023年" * 20_000 + "1月1日\n",
    "文号: brackets without a number": "新政发〔" * 20_000 + "\n",
    "nested brackets": "（" * 50_000 + "一）" + "）" * 50_000 + "\n",
    "headings: one numeral per line": "".join(f"{k}. 第{k}项\n" for k in range(1, 2_001)),
    "headings: （一） on every line": "（一）\n" * 2_000,
    "web chrome: a very long URL": "https://" + "a" * 100_000 + "\n正文。\n",
    "recipients: colons without an organ": "各单位：" * 20_000 + "\n",
    "glossary: thousands of entries": "各位代表：\n正文。\n名词解释\n" + "".join(f"{k}、词{k}：释义。\n" for k in range(1, 3_001)),
    "signature: a date after a long signer": "通知\n" + "政" * 10_000 + " 2023年1月10日\n",
    "one line of 300,000 characters": "中" * 300_000 + "\n",
    "numbering: 一、 starting again after every part": "".join("一、标题甲\n正文。\n三、标题乙\n正文。\n" for _ in range(2_000)),
    "table of contents: 2,000 chapters, the first printed again": "".join(f"第{k}章 总则\n" for k in range(1, 2_001))
    + "第1章 总则\n第一条 正文。\n",
    "a flattened line of 5,000 numbered items": "通告 " + "".join(f"{k}、某事项。 " for k in range(1, 5_001)) + "\n",
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_lines_convert(name):
    text = PATHOLOGICAL[name]
    result = pipeline.convert_bytes(text.encode("utf-8"), "hostile.txt")
    root = etree.fromstring(result.xml, etree.XMLParser(huge_tree=True))
    assert validation.problems(root) == []
    assert_lossless(text, root)


def test_a_text_of_no_known_form_converts_as_unknown_with_a_warning(tmp_path):
    text = "春天来了，河水解冻。\n\n一、田野\n农民开始播种，2024年的收成可期。\n二、城市\n街道上人来人往。\n"
    path = tmp_path / "prose.txt"
    path.write_text(text, encoding="utf-8")
    result = run("convert", path)
    assert result.exit_code == 0
    assert "no known document form recognised; converted as 'unknown'" in result.stderr
    root = etree.fromstring(result.stdout.encode("utf-8"))
    assert root.find("{*}document").get("form") == "unknown"
    assert [el.findtext("{*}heading") for el in root.iter("{*}section")] == ["田野", "城市"]
    assert validation.problems(root) == []
    assert_lossless(text, root)
