"""The head every official document shares (GB/T 9704), found by what each line is, not where it stands.

    武汉市新洲区人民政府文件          issuer mark (one or more lines; an order's 某某市人民政府令)
    新政发〔2023〕1号                 文号 (numbers.py: every printed form, 令第5号, a dated 题注)
    区人民政府关于印发…的通知          title (wrapped, letter-spaced, the organ on its own line, above the 文号)
    各镇人民政府，各街道办事处：        主送, ending with a colon after an organ

The lines at the top are classified by role (roles.py) up to the first line
only a body holds; then the head is assembled from the roles: the number
(one standing alone before one glued into a database line, before a 题注),
the title (the last block of title lines that ends in a 文种 word: a page
prints its own titles above the document's), the issuer mark above both,
then the 主送. Whatever stands before the last of them and is none of them
is stepped over into residue: a title printed again (`repeated-title`), a
文号 printed again (`repeated-doc-number`), and lines the frame cannot
place (`other`, with a warning) — chrome a page filter left, a header block.
Form modules call `parse_head` (the pipeline does) and `apply_head` once
they use its result.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from converter.frame.formula import formula_kind
from converter.frame.numbers import HeadNumber, doc_number, named_serial, number_alone, read_number, with_prefix
from converter.frame.roles import (ORDER_MARK, completes_title, ends_in_form_word, is_body_line, is_issuer_mark,
                                   is_organ, is_organ_name, is_row, is_title_line, is_title_note, recipients_lead,
                                   take_recipients, title_text)
from converter.frame.titles import block_text, take_title, title_above, title_blocks
from converter.model.context import Context
from converter.model.document import DocNumber
from converter.model.text import Line, Lines, Removed, Span, collapse, removed_line, whole
from converter.patterns import pattern
from converter.rules import DOC_NUMBER, TITLE_FORM_WORD

__all__ = ["Head", "apply_head", "parse_doc_number", "parse_head", "is_issuer_mark", "is_organ", "take_title",
           "take_recipients"]

# How far down a document its head may reach, in content lines.
HEAD_LINES = 24
# The most lines stepped over between the title (or 文号) and the 主送.
STEP_MAX = 6
# Title, 文号 and body on one line, apart by spaces (a repost that lost its line breaks)
INLINE_HEAD = pattern(rf"(?P<title>\S{{4,80}}?)\s{{1,6}}(?P<number>{DOC_NUMBER.pattern})\s{{1,6}}(?P<rest>\S)",
                      "关于禁止燃放烟花爆竹的通告 某府通〔2019〕2号 为减少城市环境污染")
# The titles a bare 第N号 stands under: a 公告's, a 通告's
SERIAL_TITLE = pattern(r"(?:公告|通告)$", "某某县人民政府公告")

REPEATED_TITLE = "repeated-title"
REPEATED_NUMBER = "repeated-doc-number"
NOT_PLACED = "other"


@dataclass(eq=False, repr=False)
class Head:
    """What the head of a document holds: 发文机关标志, 文号, title, 主送机关, and where the body starts."""

    issuer_mark: list[Span] = field(default_factory=list)
    doc_number: DocNumber | None = None
    title: list[Span] = field(default_factory=list)
    recipients: list[Span] = field(default_factory=list)
    end: int = 0                        # the first line of the body
    rest: Line | None = None            # body text on the head's last line (after a 题注)
    implied_title: str = ""             # what a document without a title line goes by (its issuer's words)
    removed: list[Removed] = field(default_factory=list)         # stepped over: applied by apply_head
    warnings: list[tuple[int, str]] = field(default_factory=list)
    lines: Lines = ()                   # the document's lines: read for a formula only when a form asks
    # what forms read off `lines` more than once, kept by name (the speech head: two forms' claims and the parse)
    readings: dict[str, Any] = field(default_factory=dict)

    @functools.cached_property
    def title_text(self) -> str:
        """The title as one line; for a document that prints none, what it goes by (claims use it).

        That is its title when the title ends in a 文种 word, else the name the
        document issuing it gives it, else the 文种 word of the formula its
        body opens or closes with (现通知如下, 特此批复, 本通告自…施行).
        """
        printed = title_text(self.title) if self.title else self.implied_title
        if TITLE_FORM_WORD.search(printed):
            return printed
        # a title that names no form (cut short by a site: 关于…的), or none at all: the body decides
        return formula_kind(self.lines, self.end) or printed

    def body_lines(self, lines: Lines, stop: int) -> list[Line]:
        """The lines of the body up to `stop`: after the head, with the body text of a 题注 line first."""
        return ([self.rest] if self.rest is not None else []) + list(lines[self.end:stop])


def apply_head(head: Head, ctx: Context) -> None:
    """What the head stepped over goes to residue, and its warnings are told."""
    for item in head.removed:
        ctx.remove(item.reason, item.line, item.text)
    for line, message in head.warnings:
        ctx.warn(line, message)


def parse_doc_number(line: Line) -> DocNumber | None:
    """The 文号 of a line that prints one alone (or in brackets)."""
    return number_alone(line)


@dataclass(frozen=True, eq=False, repr=False)
class Role:
    """What a line of a head is (its kind), and the 文号 it prints."""

    kind: str                         # mark | order-mark | number | title | row | other
    number: HeadNumber | None = None


# The roles that print no 文号, one of each kind: a Role is frozen and told by its fields alone (nothing asks
# which object it is), so the lines of one kind share it rather than each making its own (a frozen dataclass
# sets each field through object.__setattr__, and classify makes one a line)
PLAIN_ROLES = {kind: Role(kind) for kind in ("mark", "order-mark", "title", "row", "other")}


def classify(lines: Lines) -> list[Role]:
    """The role of each line at the top, up to the first line only a body holds (or a 题注 line)."""
    found: list[Role] = []
    for line in lines[:HEAD_LINES]:
        number = read_number(line)
        if number is not None:
            found.append(Role("number", number))
            if number.kind == "caption":
                break                 # body text may follow it on its line
            continue
        if is_row(line):
            found.append(PLAIN_ROLES["row"])
            continue
        if is_body_line(line):
            break
        kind = "mark" if is_issuer_mark(line.text) else "title" if is_title_line(line) else "other"
        if kind == "other" and found and found[-1].kind == "title" and completes_title(
                title_above(lines, [role.kind == "title" for role in found]), line):
            kind = "title"
        elif kind == "other" and found and found[-1].kind == "title" and is_title_note(line) and ends_in_form_word(
                title_above(lines, [role.kind == "title" for role in found])):
            kind = "title"            # …管理办法 / （试行）: the note the title prints after its 文种 word
        found.append(PLAIN_ROLES[kind])
    for i, role in enumerate(found):
        number = role.number
        if number is None or number.kind != "serial" or number.number.prefix:
            continue
        above = collapse(lines[i - 1].text) if i > 0 and found[i - 1].kind == "title" else ""
        if ORDER_MARK.fullmatch(above):
            found[i - 1] = PLAIN_ROLES["order-mark"]       # "某某市人民政府令" above "第5号" (命令（令）格式)
        elif not SERIAL_TITLE.search(above):
            found[i] = PLAIN_ROLES["other"]                # a bare 第N号 numbers only an order or a 公告
    rows = [i for i, role in enumerate(found) if role.kind == "row"]
    if rows and not any(role.kind == "number" for role in found[rows[0]:]):
        del found[rows[0]:]                         # a table opens the body, unless a 文号 stands below it
    return found


def parse_head(lines: Lines, implied_title: str = "") -> Head:
    """Find the head elements at the top of a document, in whatever order and company printed."""
    head = Head(implied_title=implied_title, lines=lines)
    if lines and one_line_head(head, lines[0]):
        return head
    found = classify(lines)
    blocks = title_blocks(lines, [role.kind == "title" for role in found])
    numbers = [i for i, role in enumerate(found) if role.kind == "number"]
    at = choose_number(found, numbers)
    title = choose_title(lines, found, blocks, at)
    marks = mark_blocks(lines, found, blocks, title, at)
    mark = marks[-1] if marks else None
    tops = [x for x in (title[0] if title else None, at) if x is not None]
    if mark is not None and tops and mark[1] > min(tops):
        mark = None             # a mark below the title cannot stand before it: the title wins, the mark is stepped over
    placed: set[int] = set()
    if mark is not None:
        head.issuer_mark = [whole(line) for line in lines[mark[0]:mark[1]]]
        placed.update(range(*mark))
    if title is not None:
        head.title = [whole(line) for line in lines[title[0]:title[1]]]
        placed.update(range(*title))
    number = found[at].number if at is not None else None
    named = named_serial(number) if title is None and number is not None else None
    if named is not None and at is not None:
        head.title, number = [named[0]], named[1]      # 某某市人民政府公告（第3号）: its title, then its number
        placed.add(at)
    if at is not None and number is not None:
        place_number(head, lines[at], number, lines[mark[0]] if mark and found[mark[0]].kind == "order-mark" else None)
        placed.add(at)
    after = max(placed) + 1 if placed else 0
    step_over(head, lines, found, blocks, placed, after)
    head.end = after
    if number is not None and number.kind == "caption" and number.rest < len(lines[after - 1].text):
        head.rest = body_rest(lines[after - 1], number.rest)
    else:
        take_head_recipients(head, lines, found, after)
    return head


def one_line_head(head: Head, line: Line) -> bool:
    """A whole head on the first line, apart by spaces: title, 文号, then the body (a repost that lost its lines)."""
    m = INLINE_HEAD.match(line.text)
    if not m or not is_title_line(Line(line.n, None, m.group("title"))):
        return False
    head.title = [Span(line, m.start("title"), m.end("title"))]
    head.doc_number = doc_number(line, 0, m)
    head.rest, head.end = body_rest(line, m.start("rest")), 1
    return True


def place_number(head: Head, line: Line, number: HeadNumber, order_mark: Line | None) -> None:
    """The document's number; an order's mark above a bare 第5号 is its prefix; what a database glued on goes."""
    head.doc_number = with_prefix(number.number, collapse(order_mark.text)) if order_mark else number.number
    if number.glued is not None:
        head.removed.append(Removed(NOT_PLACED, line.n, number.glued.text))
        head.warnings.append((line.n, f"{number.glued.text} printed after the 文号 is no part of it; kept in residue"))


def choose_number(found: list[Role], numbers: list[int]) -> int | None:
    """The document's number: the last standing alone, else the last glued, else a 题注."""
    for kinds in (("line", "serial"), ("glued",), ("caption",)):
        chosen = [i for i in numbers if (n := found[i].number) is not None and n.kind in kinds]
        if chosen:
            return chosen[-1]
    return None


def choose_title(lines: Lines, found: list[Role], blocks: list[tuple[int, int]],
                 at: int | None) -> tuple[int, int] | None:
    """The last title that ends in a 文种 word; else the title by the 文号, or at the top."""
    named = [b for b in blocks if ends_in_form_word([whole(line) for line in lines[b[0]:b[1]]])]
    if named:
        last = block_text(lines, named[-1])
        # "关于印发《X方案》的通知" above "X方案": the notice is the document, the plan its text
        issuing = [b for b in named[:-1] if last in block_text(lines, b) and last != block_text(lines, b)]
        return issuing[-1] if issuing else named[-1]
    plain = [b for b in blocks if not all(is_organ_name(line.text) for line in lines[b[0]:b[1]])]
    if at is not None:
        return next((b for b in plain if b[0] == at + 1), next((b for b in plain if b[1] == at), None))
    # at the top, or right under the issuer mark
    return next((b for b in plain if all(role.kind in ("mark", "order-mark") for role in found[:b[0]])), None)


def mark_blocks(lines: Lines, found: list[Role], blocks: list[tuple[int, int]], title: tuple[int, int] | None,
                at: int | None) -> list[tuple[int, int]]:
    """Issuer marks: a 文件 line with the organ lines around it; an order's mark; organs alone above the 文号."""
    marks: list[tuple[int, int]] = []
    for i, role in enumerate(found):
        if role.kind == "order-mark":
            marks.append((i, i + 1))
        elif role.kind == "mark" and not (marks and marks[-1][1] > i):
            start, end = i, i + 1
            while start > 0 and organ_role(lines, found, start - 1, title):
                start -= 1
            while end < len(found) and (found[end].kind == "mark" or organ_role(lines, found, end, title)):
                end += 1
            marks.append((start, end))
    if not marks and at is not None and (title is None or title[0] > at):
        # a 函's mark: the organ's name alone above the 文号
        above = next((b for b in blocks if b[1] == at), None)
        if above and all(is_organ_name(line.text) for line in lines[above[0]:above[1]]):
            marks.append(above)
    return marks


def organ_role(lines: Lines, found: list[Role], i: int, title: tuple[int, int] | None) -> bool:
    return (found[i].kind == "title" and is_organ_name(lines[i].text)
            and not (title is not None and title[0] <= i < title[1]))


def step_over(head: Head, lines: Lines, found: list[Role], blocks: list[tuple[int, int]], placed: set[int],
              after: int) -> None:
    """Every line above the last head element that is none of them: to residue, with its reason."""
    if all(i in placed for i in range(after)):
        return
    chosen = title_text(head.title)
    titled = {i: b for b in blocks for i in range(*b)
              if ends_in_form_word([whole(line) for line in lines[b[0]:b[1]]])
              or title_text([whole(line) for line in lines[b[0]:b[1]]]) == chosen}
    unplaced: list[Line] = []
    for i in range(after):
        if i in placed:
            continue
        line = lines[i]
        role = found[i]
        if i in titled:
            head.removed.extend(removed_line(REPEATED_TITLE, line, line.text))
            block = titled[i]
            printed = title_text([whole(l) for l in lines[block[0]:block[1]]])
            if i == block[0] and printed != chosen and chosen:
                head.warnings.append((line.n, f"a second title {printed} differs from the title {chosen}; "
                                              "kept in residue"))
        elif role.number is not None:
            head.removed.extend(removed_line(REPEATED_NUMBER, line, line.text))
            number, kept = role.number.number, head.doc_number
            if kept is not None and (number.prefix, number.year, number.seq) != (kept.prefix, kept.year, kept.seq):
                head.warnings.append((line.n, f"a second 文号 {collapse(line.text)} differs from the document's; "
                                              "kept in residue"))
        else:
            head.removed.extend(removed_line(NOT_PLACED, line, line.text))
            unplaced.append(line)
    warn_unplaced(head, unplaced)


def warn_unplaced(head: Head, unplaced: list[Line]) -> None:
    if unplaced:
        count = f"{len(unplaced)} lines" if len(unplaced) > 1 else "a line"
        head.warnings.append((unplaced[0].n, f"{count} in the head that no head element holds "
                                             "(发文机关标志, 文号, 标题, 主送) kept in residue"))


def take_head_recipients(head: Head, lines: Lines, found: list[Role], after: int) -> None:
    """The 主送 right after the head, or after a few lines the frame steps over (a page's header block).

    Above a 主送 with no other head element before it, only lines that can
    be no title are stepped over (labels, menus): a short line of text may
    be the start of the body.
    """
    k = after
    while k < len(lines) and k - after <= STEP_MAX:
        recipients, end = take_recipients(lines, k)
        if recipients:
            stepped = list(lines[after:k])
            for line in stepped:
                head.removed.extend(removed_line(NOT_PLACED, line, line.text))
            warn_unplaced(head, stepped)
            head.recipients, head.end = recipients, end
            return
        lead = recipients_lead(lines[k]) if k == after else None
        if lead is not None:
            # "各乡镇人民政府：现将…": the 主送, then the body on the same line
            head.recipients, head.rest, head.end = [Span(lines[k], 0, lead)], body_rest(lines[k], lead), k + 1
            return
        if is_body_line(lines[k]) or (after == 0 and not (k < len(found) and found[k].kind == "other")):
            return
        k += 1


def body_rest(line: Line, start: int) -> Line:
    """The body text after a 题注 on its line, as a line of its own (same input line)."""
    return Line(line.n, None, line.text[start:], indent=True, gap=line.gap,
                bold=shift(line.bold, start), sup=shift(line.sup, start))


def shift(spans: tuple[tuple[int, int], ...], start: int) -> tuple[tuple[int, int], ...]:
    return tuple((max(0, a - start), b - start) for a, b in spans if b > start)
