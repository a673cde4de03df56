"""The parse stage's fast paths over titles, roles, the bulletin's claim and table realignment give what the
paths they bypass give."""

from __future__ import annotations

import random

from converter.blocks import table_structure
from converter.forms.bulletin.parse import BULLETIN_TITLE, MASTHEAD_WITHIN, TOC_TITLE, claims, is_masthead_title
from converter.forms.bulletin.masthead import issue_match
from converter.forms.naming import ends_in_word, title_word
from converter.forms.registry import by_title_words
from converter.forms import registry
from converter.frame.head import PLAIN_ROLES, classify, parse_head
from converter.model.context import Context
from converter.model.text import Line, Lines
from tests.fast_paths.test_tables_built import counted_realign, ragged_tables

# What titles and lines are made of: form words, notes in brackets, 公报, letter-spacing, odd Unicode
PIECES = ("通知", "通告", "公报", "政府公报", "办法", "实施办法", "令", "命令", "报告", "批复", "（试行）", "(草案)",
          "（某政发〔2024〕3号）", "《", "》", " ", "\u3000", "\n", "报", "新洲区人民政府", "目 录", "2023年第1期",
          "第1期(总第44期)", "", "\U00020000", "a", "关于", "的")


def varied_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    fixed = ["", " ", "报", "公报", "政府公报", "新洲区人民政府公报", "某 市 政 府 公 报", "关于印发办法的通知（试行）",
             "《某某条例》", "通知 ", "报\n", "公报\n续"]
    return fixed + ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6))) for _ in range(n)]


def test_a_title_ends_in_a_word_where_title_word_finds_one() -> None:
    words = [tuple(form.title_words) for form in registry().forms] + [(), ("",), ("报", "公报"), ("令", "命令")]
    for title in varied_texts(4000, 51):
        for w in words:
            assert ends_in_word(title, w) == (title_word(title, w) is not None), (title, w)


def test_by_title_words_is_title_word_found() -> None:
    for text in varied_texts(300, 52):
        lines = [Line(1, None, text), Line(2, None, "现将有关事项通知如下。")]
        head = parse_head(lines)
        for form in registry().forms:
            slow = bool(form.title_words) and title_word(head.title_text, form.title_words) is not None
            assert by_title_words(form, lines, head) == slow, (text, form.name)


def slow_claims(lines: Lines) -> bool:
    """The bulletin's claim as it was, without its cheap test first."""
    top = lines[:MASTHEAD_WITHIN]
    return any(is_masthead_title(l) for l in top) and (
        any(issue_match(l.text) for l in top) or any(TOC_TITLE.fullmatch(l.text) for l in top))


def test_the_bulletin_claims_what_it_claimed_without_its_cheap_test() -> None:
    rng = random.Random(53)
    texts = varied_texts(400, 54)
    assert any(BULLETIN_TITLE.fullmatch(t) for t in texts)
    for k in range(3000):
        lines = [Line(j, None, rng.choice(texts)) for j in range(rng.randint(0, 50))]
        head = parse_head(lines)
        assert claims(registry().get("bulletin"), lines, head) == slow_claims(lines), [l.text for l in lines]


def test_plain_roles_are_the_roles_they_stand_for() -> None:
    for kind, role in PLAIN_ROLES.items():
        assert role.kind == kind and role.number is None
    for text in varied_texts(300, 55):
        lines = [Line(1, None, text), Line(2, None, "某政发〔2024〕3号"), Line(3, None, text)]
        for role in classify(lines):
            assert (role.number is None) == (role is PLAIN_ROLES.get(role.kind))


def test_realign_without_counting_whole_tables_is_realign() -> None:
    # tables whose rows are all complete, and some that are not: as built with the counting realign
    blocks = ragged_tables(800, 56)
    ctx = Context(True, lambda *args: None)
    fast = [table_structure.build(block, ctx) for block in blocks]
    original = table_structure.realign
    try:
        table_structure.realign = counted_realign
        slow = [table_structure.build(block, ctx) for block in ragged_tables(800, 56)]
    finally:
        table_structure.realign = original
    assert [[[c.text for c in r.cells] for r in t.rows] for t in fast] == \
        [[[c.text for c in r.cells] for r in t.rows] for t in slow]


def test_occasions_are_looked_for_only_on_lines_with_a_zai() -> None:
    from converter.forms.speech.head import OCCASION_START, OCCASION_START_WITHIN, occasion_at, starts_occasion
    rng = random.Random(57)
    pieces = PIECES + ("在", "——", "（", "2024年1月8日", "1964年12月21日和22日", "会议上", "区 长 王明", "各位代表：")
    texts = [rng.choice(("", "在")) + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(4000)]
    for text in texts:
        slow = any(m.group("lead") or m.group("date") for m in OCCASION_START.finditer(text, 0, OCCASION_START_WITHIN))
        assert starts_occasion(text) == slow, text
        if "在" not in text:
            assert occasion_at([Line(1, None, text), Line(2, None, "上")], 0, 2) is None
