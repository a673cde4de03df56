"""Document heads read once a file, the rest of a file cut as slices, and the lossless check's count of a
subtree give what reading them afresh gives:

- next_head, which keeps the heads and 文号 it read (`known`, one for the whole file) for the next document's
  search, finds what it finds with nothing kept: over many lists cut from one text, the rest of a file and
  a bulletin column's slice alike;
- and with it a file of many documents reads each 文号 candidate's head once, not once a document;
- a Rest (the rest of a file below a document, model/rest.py) reads as the slice it was cut as, and `holding`
  finds in it, from the places kept, the lines a reading of every line finds, however many times cut;
- what the parse keeps for its next document (Context.known: lines, some as long as a page) is let go of
  when the parse ends;
- lossless.holds_more_than, which asks for one element past the count, tells what counting them all tells;
- parse_doc_number tries only the 文号 alone on its line, which read_number tries first (its kind "line").
"""

from __future__ import annotations

import functools
import random
from typing import Any, Hashable

import pytest
from lxml import etree

from converter import lossless, pipeline
from converter.forms import following
from converter.frame.head import parse_doc_number, parse_head
from converter.frame.numbers import read_number
from converter.model.context import Context
from converter.model.rest import Rest, holding, rest_of
from converter.model.text import Line
from converter.normalise import normalise

NOTICE = """某某县人民政府关于做好第{n}批项目申报的通知
某政发〔2024〕{n}号
各乡镇人民政府：
现将有关事项通知如下。
某某县人民政府
2024年3月{day}日
"""
UNADDRESSED = NOTICE.replace("各乡镇人民政府：\n", "")
# Pieces a text is made of: heads that open a document of their own, and lines that look like one but do not
# (a sentence citing a 文号, a 文号 with no 主送 under it, a 附件 label above a head, a 文号 with no year)
PIECES = [
    NOTICE.format(n=1, day=1), NOTICE.format(n=2, day=2), NOTICE.format(n=2, day=3),
    "按照县政府关于做好防汛工作的通知\n（某政办发〔2024〕9号）\n要求，各单位抓好落实。\n",
    "某某县人民政府关于公布名录的公告\n某政告〔2024〕5号\n现将名录公布如下。\n",
    "附件\n某某县人民政府关于做好第3批项目申报的通知\n某政发〔2024〕3号\n各乡镇人民政府：\n正文。\n",
    "某某县人民政府令\n第4号\n各乡镇人民政府：\n现发布本办法。\n",
    "现将有关文件转发给你们。\n", "一、工作要求\n", "请于月底前报送。\n",
]


def lines_of(text: str) -> list[Line]:
    return list(normalise(text, filters=()).lines)


def test_next_head_with_what_it_kept_finds_what_it_finds_afresh() -> None:
    rng = random.Random(13)
    compared = found = 0
    for _ in range(60):
        lines = lines_of("".join(rng.choice(PIECES) for _ in range(rng.randint(2, 12))))
        known: dict[Hashable, Any] = {}
        # the rest of the file from each line, and slices of it ending anywhere (a column's documents)
        for start in range(len(lines)):
            for end in sorted({len(lines), *rng.sample(range(start + 1, len(lines) + 1),
                                                       min(3, len(lines) - start))}):
                part = lines[start:end]
                head = parse_head(part)
                expected = following.next_head(part, head, {})
                assert following.next_head(part, head, known) == expected
                compared += 1
                found += expected is not None
    assert compared > 1_000 and found > 50       # (the heads asked are found often, and as often missed)


def test_a_head_cut_from_the_text_below_it_does_not_open_where_the_whole_one_did() -> None:
    lines = lines_of(NOTICE.format(n=1, day=1) + NOTICE.format(n=2, day=2))
    second = next(k for k, line in enumerate(lines) if line.text == "某政发〔2024〕2号")
    known: dict[Hashable, Any] = {}
    head = parse_head(lines)
    assert following.next_head(lines, head, known) == second - 1
    # the same lines, ended right under the second 主送: that head has no text below, it opens nothing
    cut = lines[:second + 2]
    assert following.next_head(cut, head, known) is None


def test_a_file_of_many_documents_reads_each_head_once(monkeypatch: pytest.MonkeyPatch) -> None:
    count = 40
    calls = []

    def counted(lines: Any) -> Any:
        calls.append(1)
        return parse_head(lines)

    monkeypatch.setattr(following, "parse_head", counted)
    reads = []
    for copies in (count, 2 * count):
        calls.clear()
        # notices with no 主送, one after another: none opens a document of its own to next_head, each is
        # told from the one before by its 署名 and its title
        text = "".join(UNADDRESSED.format(n=k + 1, day=k % 28 + 1) for k in range(copies))
        result = pipeline.convert_bytes(text.encode(), "input.txt")
        assert len(result.root.findall("{*}document")) == copies
        reads.append(len(calls))
    # (read once a document, as before the heads were kept: 80 notices asked 15,879 heads where 40 asked 3,939)
    assert reads[1] <= 2 * reads[0] + 10


def test_a_rest_cut_from_a_rest_finds_what_reading_its_lines_finds() -> None:
    rng = random.Random(7)
    texts = ["某政发〔2024〕1号", "附件", "附：名单", "号召全县", "正文。", "", "附件2号表"]
    for _ in range(300):
        lines: Any = [Line(k + 1, None, rng.choice(texts)) for k in range(rng.randint(1, 40))]
        cut = list(lines)
        for _ in range(rng.randint(1, 4)):          # a rest of the rest of the rest …
            start = rng.randint(0, len(cut))
            stop = rng.choice([None, rng.randint(start, len(cut))])
            lines, cut = rest_of(lines, start, stop), cut[start:stop]
            assert isinstance(lines, Rest) and list(lines) == cut
            for char in ("号", "附"):
                if rng.random() < 0.3:
                    continue            # (not asked of this rest: the next one cut from it finds its own)
                first = rng.randint(0, len(cut))
                end = rng.randint(first, len(cut))
                expected = [i for i in range(first, end) if char in cut[i].text]
                assert list(holding(lines, char, first, end)) == expected
                assert list(holding(cut, char, first, end)) == expected


def test_holds_more_than_tells_what_counting_every_element_below_tells() -> None:
    rng = random.Random(5)
    count = etree.XPath("count(descendant::*)")
    for _ in range(200):
        root = etree.Element("document")
        elements = [root]
        for _ in range(rng.randint(0, 30)):
            parent = rng.choice(elements)
            child = etree.SubElement(parent, rng.choice(["p", "section", "merged"]))
            if rng.random() < 0.2:
                parent.append(etree.Comment("page"))        # (a comment is no element: not counted)
            elements.append(child)
        for el in elements:
            for limit in (0, 1, 2, 5, 1000):
                assert lossless.holds_more_than(limit)(el) == (count(el) > limit)


def test_what_the_parse_kept_for_the_next_document_is_let_go_of_when_it_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = []
    searched = following.next_head

    def next_head(lines: Any, head: Any, known: dict[Hashable, Any]) -> Any:
        found = searched(lines, head, known)
        kept.append(len(known))
        return found

    monkeypatch.setattr(following, "next_head", next_head)
    page = normalise("".join(UNADDRESSED.format(n=k + 1, day=k + 1) for k in range(5)))
    forms = pipeline.registry()
    ctx = Context(page.repair, functools.partial(pipeline.parse_document, forms))
    pipeline.parse_file(forms, page.lines, ctx)
    assert max(kept) > 0 and ctx.known == {}



@pytest.mark.parametrize("text, printed, kind", [
    ("某政发〔2024〕3号", "某政发〔2024〕3号", "line"),
    (" （某政发〔2024〕 3 号） ", "某政发〔2024〕 3 号", "line"),      # in brackets, spaces around: the number alone
    ("国办函[1985]12号", "国办函[1985]12号", "line"),
    ("某政发〔2024〕3号 2024年3月5日", None, "glued"),             # a 文号 with its date glued on: no number alone
    ("第5号", None, "serial"),
    ("(1985年5月4日皖政〔1985〕38号)", None, "caption"),
    ("1\t某某服务站\t某某路1号", None, None),                       # an address in a table row
    ("某政发〔2024〕3号文件精神", None, None),
])
def test_a_number_alone_is_read_numbers_kind_line(text: str, printed: str | None, kind: str | None) -> None:
    line = Line(1, None, text)
    number, found = parse_doc_number(line), read_number(line)
    assert (found.kind if found is not None else None) == kind
    if kind == "line":
        assert number is not None and found is not None
        assert [(s.start, s.end) for s in number.spans] == [(s.start, s.end) for s in found.number.spans]
        assert (number.prefix, number.year, number.seq) == (found.number.prefix, found.number.year, found.number.seq)
    else:
        assert number is None
    if printed is not None:
        assert number is not None and [line.text[s.start:s.end] for s in number.spans] == [printed]
