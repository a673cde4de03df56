"""Tests that hunt (issue 5): mutated samples convert to valid, lossless XML or fail in one clean line.

The samples are cut to a window of lines and mutated: lines deleted,
duplicated, shuffled and truncated; random Unicode, control characters and
markup inserted; the result encoded in one of the encodings gongwen reads.

CI runs a short, derandomised pass. Hunt longer with, for example,

    GONGWEN_FUZZ_EXAMPLES=5000 python -m pytest tests/test_properties.py

which runs that many examples per property with fresh random seeds (and
keeps failures in .hypothesis/ to replay them first next time).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from click.testing import CliRunner
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import lossless, pipeline, reader, validation
from converter.cli import main
from converter.reader import InputError
from tests.conftest import ALL_SAMPLES

LONG_RUN = int(os.environ.get("GONGWEN_FUZZ_EXAMPLES", "0"))


def fuzz(ci_examples: int):
    """Hypothesis settings: a short reproducible run in CI, a long random one on request."""
    return settings(max_examples=LONG_RUN or ci_examples, deadline=None, derandomize=not LONG_RUN,
                    database=None if not LONG_RUN else settings.default.database, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


SAMPLE_LINES = [path.read_text(encoding="utf-8").splitlines(keepends=True) for path in ALL_SAMPLES]
# Characters that the normaliser must take out of the text, and line breaks of other kinds.
CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\ufffe", "\uffff", "\r", "\n",
            "\u2028", "\ufeff", "\u200b", "\t", "\u3000"]
# Markup and the tokens that gongwen's recognisers react to.
MARKUP = ["**", "<sup>", "</sup>", "<sup>①</sup>", "<p>", "</p>", "<br/>", "## ", "# ", "- ", "> ", "<!--", "-->",
          "&amp;", "&", "<", ">", "]]>", "<![CDATA[", "— 3 —", "- 12 -", "①", "⑪", "［1］", "[2]", "（一）",
          "(二)", "一、", "十二、", "第一章", "第三条", "1.", "（1）", "附件：", "抄送：", "名词解释", "各位代表：",
          "新政发〔2023〕1号", "2023年1月10日", "二〇一九年八月二十日", "印发", "文件", "区长 张三", "—",
          "发布时间：2021-01-21", "https://www.gov.cn/", "2026/5/19 19:11", "第 3 页", "（责任单位：区发改局）"]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-8 surrogates"]


@st.composite
def mutated(draw) -> str:
    """A window of a sample's lines, mutated."""
    lines = draw(st.sampled_from(SAMPLE_LINES))
    size = draw(st.one_of(st.integers(1, 60), st.integers(60, 400), st.just(len(lines))))
    start = draw(st.integers(0, max(0, len(lines) - size)))
    window = list(lines[start:start + size])
    for _ in range(draw(st.integers(0, 8))):
        if not window:
            break
        k = draw(st.integers(0, len(window) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "shuffle", "truncate", "unicode", "control", "markup"]))
        if op == "delete":
            del window[k]
        elif op == "duplicate":
            window.insert(k, window[k])
        elif op == "shuffle":
            end = min(len(window), k + draw(st.integers(2, 10)))
            window[k:end] = draw(st.permutations(window[k:end]))
        elif op == "truncate":
            window[k] = window[k][:draw(st.integers(0, len(window[k])))]
        else:
            piece = {"unicode": lambda: draw(st.text(min_size=1, max_size=12)),
                     "control": lambda: draw(st.sampled_from(CONTROLS)),
                     "markup": lambda: draw(st.sampled_from(MARKUP))}[op]()
            at = draw(st.integers(0, len(window[k])))
            window[k] = window[k][:at] + piece + window[k][at:]
    return "".join(window)


@st.composite
def raw_input(draw) -> bytes:
    text = draw(mutated())
    encoding = draw(st.sampled_from(ENCODINGS))
    if encoding == "utf-8 surrogates":
        at = draw(st.integers(0, len(text)))
        return (text[:at] + "\ud800" + text[at:]).encode("utf-8", errors="surrogatepass")
    return text.encode(encoding, errors="surrogatepass" if encoding == "utf-16" else "strict")


# Bugs in the parsing core that these tests found and that are reported, not
# yet fixed: (name, how to tell its failure — from the message and the output
# tree, if any —, a minimal input, the reason). An example that fails in
# exactly that way is set aside (hypothesis draws another); any other
# failure still fails. Each has its own xfail test below, which passes once
# the bug is fixed: then move its input to FOUND.
LOSS_LINE = re.compile(r"^line (?P<line>\d+): input has ")     # lossless.Loss as text: "line 4: input has '丙', …"


def lost_in_a_table_row(message: str, root=None) -> bool:
    """A loss on a line of a table: the line of one of its rows, or the line after (a continuation row)."""
    m = LOSS_LINE.match(message)
    if m is None or root is None:
        return False
    line = int(m.group("line"))
    for table in root.iter("{*}table"):
        lines = [int(n) for n in table.xpath(".//@line")]
        if lines and min(lines) <= line <= max(lines) + 1:
            return True
    return False


KNOWN_CORE_BUGS: list = []
# Inputs these tests found that once broke the core, kept as regressions once fixed.
FOUND = {
    # a bulletin masthead and nothing else: a bulletin with no documents (once crashed the batch report)
    "bulletin-without-documents": "新洲区人民政府公报\n\nXINZHOUQU RENMIN ZHENGFU GONGBAO\n\n2023\n\n第1期(总第44期)\n",
    # a 名词解释 heading with no numbered entry after it gave a <glossary> with no <entry>
    "glossary-without-entries": "各位代表：\n名词解释\n",
    # a table row printed three times put two repeated-table-row items on one line
    "table-row-printed-three-times": "1\t甲\t乙\n1\t甲\t乙\n1\t甲\t乙\n",
    # issue 11 fault 1: text after a pipe row's last | (and a ||continuation row) was lost
    "pipe-row-text-after-the-last-pipe": "通知\n\n|1|甲|\n|2|乙|丙\n",
    "pipe-continuation-row": "通知\n\n|1|甲|乙|\n||丙\n",
}


def known_core_bug(message: str, root=None) -> bool:
    return any(tell(message, root) for _, tell, _, _ in KNOWN_CORE_BUGS)


def assert_clean_error(exc: InputError) -> None:
    message = str(exc)
    assert message and "\n" not in message
    assume(not known_core_bug(message))
    assert "gongwen bug" not in message, message     # an invalid output is a bug, not a bad input


def assert_valid_and_lossless(text: str, root, set_known_bugs_aside: bool = False) -> None:
    assert validation.problems(root) == []
    loss = lossless.check(text, root)
    if set_known_bugs_aside:
        assume(loss is None or not known_core_bug(str(loss), root))
    assert loss is None, f"not lossless at {loss}"


@pytest.mark.parametrize("name,tell,text,reason", KNOWN_CORE_BUGS, ids=[bug[0] for bug in KNOWN_CORE_BUGS])
def test_known_core_bug(name, tell, text, reason, request):
    request.applymarker(pytest.mark.xfail(strict=False, reason=reason))
    root = etree.fromstring(pipeline.convert_bytes(text.encode("utf-8"), "minimal.txt").xml)
    assert validation.problems(root) == []
    assert lossless.check(text, root) is None


@pytest.mark.parametrize("name,tell,text,reason", KNOWN_CORE_BUGS, ids=[bug[0] for bug in KNOWN_CORE_BUGS])
def test_a_known_core_bug_is_told_by_its_own_failure(name, tell, text, reason):
    """While a bug is open, its `tell` must recognise the failure of its own minimal input (else it hides others)."""
    try:
        root = etree.fromstring(pipeline.convert_bytes(text.encode("utf-8"), "minimal.txt").xml)
    except InputError as exc:
        assert tell(str(exc)), str(exc)
        return
    loss = lossless.check(text, root)
    assert loss is None or tell(str(loss), root), str(loss)


@fuzz(ci_examples=250)
@given(data=raw_input(), errors=st.sampled_from(reader.ERRORS))
def test_mutated_input_converts_losslessly_or_fails_cleanly(data, errors):
    try:
        source = reader.decode(data, "fuzz.txt", errors=errors)
        result = pipeline.convert_bytes(data, "fuzz.txt", errors=errors)
    except InputError as exc:
        assert_clean_error(exc)
        event(f"refused: {str(exc).split(' ')[0]}")
        return
    event(f"converted as {result.forms[0]}")
    assert_valid_and_lossless(source.text, etree.fromstring(result.xml), set_known_bugs_aside=True)
    assert all(line >= 0 and "\n" not in message for line, message in result.warnings)


@fuzz(ci_examples=40)
@given(data=raw_input())
def test_the_command_line_never_shows_a_traceback(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in" / "fuzz.txt"
        path.parent.mkdir()
        path.write_bytes(data)
        out = Path(tmp) / "out"
        result = CliRunner().invoke(main, ["convert", str(path.parent), "-o", str(out), "--jobs", "1"])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.exit_code in (0, 1)
        lines = result.stderr.splitlines()
        assert all(line.startswith("gongwen: ") for line in lines), result.stderr
        written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
        if result.exit_code == 0:
            assert [p.name for p in written] == ["fuzz.xml"]
            assert validation.check_file(written[0]) == []
        else:
            assert written == []
            assert len([line for line in lines if not line.startswith("gongwen: warning")]) == 2  # error + summary


@pytest.mark.parametrize("name", FOUND)
def test_inputs_the_hunt_found_convert_cleanly(name, tmp_path):
    text = FOUND[name]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "found.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0 and result.stderr == ""
    assert_valid_and_lossless(text, etree.parse(str(tmp_path / "out" / "found.xml")).getroot())
