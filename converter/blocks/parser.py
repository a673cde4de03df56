"""The block parser: body lines → paragraphs, numbered sections, tables, rosters …

Like mistune's block parser: every block rule is a named pattern with one
handler (`BlockRule`); a `RuleSet` is the ordered list of rules a body is
parsed with, built from plug-ins (`Plugin`: rules that go together, and a
step that finishes their blocks after the body is read) inserted with
`before=`. The parsing state (`BodyState`) is kept apart from the rules and
from the model; what a plug-in keeps open while its lines go on (a table, a
roster's role) lives in `BodyState.open` and closes with the block.

A line no rule takes is text: it goes on the open paragraph while that ends
mid-sentence (the repair of a page break), or starts a new one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from converter.model.blocks import Item, ListBlock, Para, Section
from converter.model.context import Context
from converter.model.text import Line, Lines, Span, whole
from converter.patterns import HAN, pattern
from converter.rules import CLOSERS, DATE, RUN_IN_END, TERMINAL

# A line that may serve as the heading of a bare numeral on the line before:
# short, with no full stop but at its end.
HEADING_MAX = 40
# A line that ends with one of these stops mid-sentence even on a web page.
COMMAS = ("，", "、", ",")
# A line that opens with a full date and a space is one record of a dated list
# (a regulation's adoption and revision lines, a chronology): "2001年12月28日 …第一次修正"
DATED_RECORD = pattern(rf"(?:{DATE.pattern})\s", "2001年12月28日 浙江省人大常委会第一次修正")
# A line laid out in columns (a list of names and posts: "张某某  某某镇安监站站长"): words apart by
# two spaces or more. Such a line is an entry of its own, never the run of a sentence over a page break.
LAID_OUT = pattern(rf"[{HAN}）)](?: {{2,}}|\s*\u3000\s*)[{HAN}（(]", "张某某  某某镇人民政府", "张某某　县应急管理局")
# A line that opens with a short label and its colon is one field of a run of them: "会议时间：…",
# "地点：…", "联系电话：…" (the meeting's particulars, a contact block) — never the rest of the line above
FIELD_RECORD = pattern(r"\s*[\u3400-\u9fff]{2,6}\s{0,2}[：:](?![：:])", "会议时间：2024年3月10日", "联系电话：1234567")
# What a heading never ends in: a heading is no clause of a sentence (下列…：（一）…；).
CLAUSE_ENDS = "；;，,、"
# … nor, where an enumeration is open, a sentence (一、新建公园两处。).
SENTENCE_ENDS = "。！？!?"


# (slotted: a Frame is made at each section opened, and the parse state's fields are read at every line)
@dataclass(slots=True, eq=False, repr=False)
class Frame:
    """An open section and the sequences counted inside it."""

    section: Section
    last: dict[str, int] = field(default_factory=dict)    # last child section number by style
    items: dict[str, int] = field(default_factory=dict)   # last list item number by style


@dataclass(slots=True, eq=False, repr=False)
class BodyState:
    """The parsing state of one body, kept apart from the rules."""

    ctx: Context
    stack: list[Frame]
    para: Para | Item | None = None
    lst: ListBlock | None = None
    pending: Section | None = None          # a bare numeral waiting for its heading
    numbered: dict[str, int] = field(default_factory=dict)   # the last section number of each style
    open: dict[str, Any] = field(default_factory=dict)      # plug-in state, closed with the block
    lines: Lines = ()                       # the body being parsed, for rules that must look ahead
    at: int = 0                             # the index in `lines` of the line being parsed

    def close(self) -> None:
        """A new block starts: nothing open goes on."""
        self.para = None
        self.lst = None
        self.pending = None
        if self.open:
            self.open.clear()

    def append(self, block: Any) -> None:
        self.container.children.append(block)

    @property
    def container(self) -> Section:
        return self.stack[-1].section

    @property
    def repair(self) -> bool:
        return self.ctx.repair

    def ahead(self, k: int = 1) -> Line | None:
        """The line `k` lines after the one being parsed, if there is one."""
        i = self.at + k
        return self.lines[i] if i < len(self.lines) else None


Handler = Callable[[BodyState, Line, "re.Match[str]"], bool]
# When a rule applies, on the parse state alone (a table is open, a roster's role): where it says
# no, the handler would pass whatever the line, so the parser tries neither pattern nor handler.
Guard = Callable[[BodyState], bool]
Finisher = Callable[[list[Any], Context], list[Any]]
# A claimer reads the whole body before the line rules do and claims runs of lines
# that only make sense together (a table of contents): start index → (end index, block).
Claimer = Callable[[Lines, Context], dict[int, tuple[int, Any]]]
# A rule as the parser runs it: the text a match needs, its guard, the pattern, the handler
Step = tuple["str | None", "Guard | None", "re.Pattern[str]", Handler]
# A line longer than this (trailing white space aside) is a long one: it tries no rule whose match is
# bounded below this length (BlockRule.longest). Most lines of a body are paragraphs, longer than that.
LONG_LINE = 80
# The variants of a line the parser keeps step tables for (RuleSet.steps), as bits: a long line, one read while
# nothing is open in BodyState.open (most lines: no table, roster … under way), and a short one with a ，or 。 in it
LONG, CLOSED, CLAUSED = 1, 2, 4


@dataclass(frozen=True, eq=False, repr=False)
class BlockRule:
    """A named block pattern and its handler; the handler returns False to pass.

    `first` (the characters a match can start with) and `contains` (a text a
    match needs) let the parser skip a rule without running its pattern; so
    does `when` (the rule applies only while it holds of the parse state: a
    rule that takes any line inside an open table skips the lines outside).
    A guard must say no only where the handler would return False anyway.
    `longest` is the longest line (trailing white space aside) the pattern can
    match, when it is bounded (anchored at the line's end): a line longer than
    LONG_LINE skips a rule whose `longest` is no more than that. `markless`: no
    match holds ，or 。 (it spans the whole line, none of its parts takes one); a line with one skips the rule.
    """

    name: str
    pattern: re.Pattern[str]
    parse: Handler
    first: str | None = None
    contains: str | None = None
    when: Guard | None = None
    longest: int | None = None
    markless: bool = False


@dataclass(frozen=True, eq=False, repr=False)
class Plugin:
    """Block rules that go together, and what finishes their blocks once the body is read."""

    name: str
    rules: tuple[BlockRule, ...] = ()
    finish: Finisher | None = None
    claim: Claimer | None = None


@dataclass(frozen=True, eq=False, repr=False)
class RuleSet:
    """The rules a body is parsed with, in the order they are tried, the claimers and the finishing steps."""

    rules: tuple[BlockRule, ...] = ()
    finishers: tuple[Finisher, ...] = ()
    claimers: tuple[Claimer, ...] = ()

    def names(self) -> tuple[str, ...]:
        return tuple(rule.name for rule in self.rules)

    def starting(self, start: str) -> tuple[BlockRule, ...]:
        """The rules, in order, that a line opening with `start` may match (its `first` allows it)."""
        found = self.by_start.get(start)
        if found is None:
            found = self.by_start[start] = tuple(rule for rule in self.rules
                                                 if rule.first is None or start in rule.first)
        return found

    @functools.cached_property
    def by_start(self) -> dict[str, tuple[BlockRule, ...]]:
        """starting(), by first character, as characters are met."""
        return {}

    def steps(self, start: str, variant: int = 0) -> tuple[Step, ...]:
        """starting(start) as the parser runs it (each rule's `contains`, guard, pattern and handler), for a
        line of `variant` (LONG, CLOSED, CLAUSED): a long line leaves out the rules no such line can match
        (`longest`), a CLAUSED one those no line with a clause mark can (`markless`),
        one read while nothing is open in BodyState.open those an Opened guard keeps to an open block (the
        guard says no). The steps of every variant are the same tuples, in the same order (all_steps); a
        rule set with two steps of the same parts (a rule added twice) has its open steps (the same tuple)
        while nothing is open, so that go_on can tell where a line was in its steps by the step's parts."""
        found = self.step_tables[variant].get(start)
        if found is None and variant & CLOSED and not self.distinct_steps:
            found = self.step_tables[variant][start] = self.steps(start, variant & ~CLOSED)
        if found is None:
            long, closed, claused = variant & LONG, variant & CLOSED, variant & CLAUSED
            found = self.step_tables[variant][start] = tuple(
                step for rule, step in zip(self.rules, self.all_steps)
                if (rule.first is None or start in rule.first)            # (as starting() says)
                and not (long and rule.longest is not None and rule.longest <= LONG_LINE)
                and not (claused and rule.markless)
                and not (closed and isinstance(rule.when, Opened)))
        return found

    @functools.cached_property
    def all_steps(self) -> tuple[Step, ...]:
        """Each rule as the parser runs it: its `contains`, guard, pattern and handler (an Opened guard as
        its bound __call__, which the interpreter calls faster than the instance)."""
        return tuple((rule.contains, rule.when.__call__ if isinstance(rule.when, Opened) else rule.when,
                      rule.pattern, rule.parse) for rule in self.rules)

    @functools.cached_property
    def distinct_steps(self) -> bool:
        """Whether no two steps have the same parts (the same objects)."""
        return len({tuple(map(id, step)) for step in self.all_steps}) == len(self.all_steps)

    @functools.cached_property
    def step_tables(self) -> tuple[dict[str, tuple[Step, ...]], ...]:
        """steps(), by variant and first character, as characters are met (the rules' fields read once)."""
        return tuple({} for _ in range((LONG | CLOSED | CLAUSED) + 1))

    def plus(self, plugin: Plugin, before: str | None = None) -> RuleSet:
        """This set with a plug-in's rules inserted before the rule named `before` (or last)."""
        at = self.names().index(before) if before is not None else len(self.rules)
        rules = self.rules[:at] + plugin.rules + self.rules[at:]
        finishers = self.finishers + ((plugin.finish,) if plugin.finish is not None else ())
        claimers = self.claimers + ((plugin.claim,) if plugin.claim is not None else ())
        return RuleSet(rules, finishers, claimers)


def parse_body(lines: Lines, ctx: Context, rules: RuleSet) -> list[Any]:
    """Parse body lines into blocks with `rules`, then let the plug-ins finish theirs."""
    root = Section(0, "root", 0, None, [], 0)
    state = BodyState(ctx, [Frame(root)], lines=lines)
    claimed: dict[int, tuple[int, Any]] = {}
    for claimer in rules.claimers:
        claimed.update(claimer(lines, ctx))
    steps, tables = rules.steps, rules.step_tables
    i, count = 0, len(lines)
    while i < count:
        if claimed and i in claimed:
            end, block = claimed[i]
            state.close()
            state.append(block)
            i = end
            continue
        line = lines[i]
        state.at = i
        i += 1
        text = line.text
        first = text[:1]
        # (a long line skips the markless rules already: only a short one is looked at for the marks)
        variant = (LONG if len(text) > LONG_LINE and len(text.rstrip()) > LONG_LINE
                   else CLAUSED if "，" in text or "。" in text else 0) | (0 if state.open else CLOSED)
        line_steps = tables[variant].get(first) or steps(first, variant)
        for contains, when, rule, parse in line_steps:
            if contains is not None and contains not in text:
                continue
            if when is not None and not when(state):
                continue
            m = rule.match(text)
            if m:
                if parse(state, line, m):
                    break
                if variant & CLOSED and state.open and go_on(state, line, line_steps, steps(first, variant & ~CLOSED),
                                                             (contains, when, rule, parse)):
                    # the handler passed, but opened a block: the rules left out of the closed steps may now
                    # apply, so the line went on through the open steps after this one
                    break
        else:
            parse_text(state, line)
    blocks = root.children
    for finish in rules.finishers:
        blocks = finish(blocks, ctx)
    return blocks


class Opened:
    """The guard of a rule that goes on a block a plug-in keeps open under `key` in BodyState.open (its
    handler passes while nothing is kept there). A class of its own: the parser knows such a guard says
    no while nothing at all is open (most lines), and leaves its rule out of those lines' steps."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def __call__(self, state: BodyState) -> bool:
        return state.open.get(self.key) is not None


def opened(key: str) -> Guard:
    """The guard of a rule that goes on a block a plug-in keeps open under `key` (Opened)."""
    return Opened(key)


def go_on(state: BodyState, line: Line, closed: Sequence[Step], steps: Sequence[Step], step: Step) -> bool:
    """The line, read with the `closed` steps up to `step`, through the open `steps` after it, as parse_body
    runs them, then to parse_text if none takes it; False (nothing done) when both are one (no rule left out).
    Where they differ no two steps have the same parts (RuleSet.steps): `step` is the one of its parts."""
    if closed is steps:
        return False
    text = line.text
    at = next(k for k, other in enumerate(steps) if all(a is b for a, b in zip(other, step)))
    for contains, when, rule, parse in steps[at + 1:]:
        if contains is not None and contains not in text:
            continue
        if when is not None and not when(state):
            continue
        m = rule.match(text)
        if m and parse(state, line, m):
            return True
    parse_text(state, line)
    return True


def ends_open(text: str) -> bool:
    """Whether text ends mid-sentence (so the next line may continue it)."""
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in "）)":
        return False
    stripped = text.rstrip(CLOSERS)
    if not stripped:
        return False
    return stripped[-1] not in TERMINAL


def joins(text: str, repair: bool) -> bool:
    """Whether the next line continues a paragraph that ends with `text`.

    Without page-break repair only a line cut after a comma goes on ("第二，").
    """
    if repair:
        return ends_open(text)
    return text.rstrip().endswith(COMMAS)


def is_heading_like(text: str) -> bool:
    if len(text) > HEADING_MAX:
        return False
    stop = RUN_IN_END.search(text)
    return stop is None or stop.end() == len(text.rstrip())


def is_title_line(text: str) -> bool:
    """A heading in the strict sense: short, and ending in no sentence or clause mark ("总体要求")."""
    text = text.rstrip().rstrip(CLOSERS) or text
    return bool(text) and is_heading_like(text) and text[-1] not in CLAUSE_ENDS + SENTENCE_ENDS


def is_clause(text: str) -> bool:
    """A line that is one clause of a sentence: it ends in ； or ， and holds no run-in heading."""
    text = text.rstrip()
    if not text or text[-1] not in CLAUSE_ENDS:
        return False
    stop = RUN_IN_END.search(text)
    return stop is None


def parse_text(state: BodyState, line: Line) -> None:
    """A line no rule took: heading of a bare numeral, continuation of a paragraph, or a new one."""
    para = state.para
    if isinstance(para, Item) and not para.spans:
        para.spans.append(whole(line))          # "一、" alone, its text on the next line
        return
    if state.pending is not None and not state.pending.heading and is_heading_like(line.text):
        state.pending.heading = [whole(line)]   # "一、" alone, its heading on the next line
        state.pending = None
        return
    if para is not None and not line.indent and para.spans:
        last = para.spans[-1].text          # (a slice of its line: made once, not at each test)
        text = line.text
        if joins(last, state.ctx.repair) \
                and not (DATED_RECORD.match(text) and DATED_RECORD.match(para.spans[0].text)) \
                and not (laid_out(text) or laid_out(last)) \
                and not (FIELD_RECORD.match(text) and FIELD_RECORD.match(para.spans[0].text)):
            para.spans.append(whole(line))
            return
    state.close()
    state.para = new = Para([Span(line, 0, len(line.text))])     # whole(line), without its call
    state.stack[-1].section.children.append(new)        # state.append, without its two calls


def laid_out(text: str) -> bool:
    """Whether a line is laid out in columns (LAID_OUT); cheap test first: a gap of two spaces or an
    ideographic space must stand in it (LAID_OUT's gap is one or the other)."""
    return ("  " in text or "\u3000" in text) and LAID_OUT.search(text) is not None


def walk_blocks(blocks: Sequence[Any], expand: Callable[[Any], list[Any]]) -> list[Any]:
    """`blocks` with each replaced by `expand(block)` (none, one or more), sections entered at any depth."""
    out: list[Any] = []
    for block in blocks:
        if isinstance(block, Section):
            block.children = walk_blocks(block.children, expand)
        out.extend(expand(block))
    return out


def holds(blocks: Sequence[Any], kind: type) -> bool:
    """Whether a block of `kind` stands in `blocks`, sections entered at any depth (as walk_blocks enters
    them): a finishing step that expands only such blocks has nothing to do without one."""
    for block in blocks:
        if isinstance(block, kind) or isinstance(block, Section) and holds(block.children, kind):
            return True
    return False
