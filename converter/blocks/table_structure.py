"""Turning a table's rows as printed into the table as meant (see table.py).

The header once, repeats to residue; group rows; continuation rows merged;
rows re-printed after a page break deduplicated; shifted rows realigned;
@rowspan for hierarchical columns; a warning where 序号 skips or repeats.
"""

from __future__ import annotations

from converter.blocks.table_realign import realign
from converter.model.blocks import Cell, Row, Table, TableBlock
from converter.model.context import Context
from converter.model.text import Line, Span
from converter.patterns import HAN, pattern

# White space other than a tab: a tab row without any has no cell to trim ("1 区发改局")
SPACE_BUT_TAB = pattern(r"[^\S\t]", "1 区发改局")
# A markdown separator row: "|---|:---:|"
PIPE_RULE = pattern(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*){0,50}\|?", "|---|:---:|")
# A cell of a row laid out with spaces: text up to a run of two spaces or more ("城镇老旧小区改造  改造…")
SPACED_CELL = pattern(r"\S+(?: \S+)*", "城镇老旧小区改造")
# The labels of a 序号 column
SERIAL_LABELS = ("序号", "编号")
# A 序号 cell: "1", "12"
SERIAL = pattern(r"\d{1,4}", "12")


def is_serial(text: str) -> bool:
    """SERIAL.fullmatch(text) is not None, by str methods (asked of every row, some twice): \\d is a Unicode
    decimal digit (category Nd), the characters str.isdecimal() is true of; "" is not decimal."""
    return len(text) <= 4 and text.isdecimal()


# A category line inside a table, printed without cells: "一、基础设施类", "（二）产业发展类（4个）"
GROUP_LABEL = pattern(r"(?:[一二三四五六七八九十]{1,3}\s{0,2}[、.．]|[（(]\s{0,2}[一二三四五六七八九十\d]{1,3}\s{0,2}[）)])"
                      r"|.{0,40}类\s{0,2}$|.{0,40}[（(]\s{0,2}\d{1,3}\s{0,2}[个项类]\s{0,2}[）)]\s{0,2}$",
                      "一、基础设施类", "（二）产业发展类（4个）", "民生保障类", "社会事业（5项）")
# A total row's label: its empty cells are empty, not covered by the cells above ("合计", "总 计")
TOTAL_LABEL = pattern(r"(?:合|总|小|共|累)\s{0,3}计", "合计", "总 计", "小计")


def is_total(label: str) -> bool:
    """TOTAL_LABEL.fullmatch(label) is not None; cheap test first (asked of every data row's first cell):
    its match opens with one of 合总小共累, so a label that does not is none (most: a 序号 or a name)."""
    return label != "" and label[0] in TOTAL_FIRST and TOTAL_LABEL.fullmatch(label) is not None


# What a total row's label starts with (TOTAL_LABEL's first characters)
TOTAL_FIRST = "合总小共累"
# Header labels are short.
HEADER_LABEL_MAX = 14


def split_cells(line: Line, spaced: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each cell in the line, white space trimmed.

    A tab-separated row is its tab-separated parts. A pipe row's outer pipes
    are optional (markdown allows "| a | b" and "a | b |"): an empty part
    before the first pipe or after the last is no cell, any other part is
    one, so text after the last pipe is never lost. In a table laid out with
    spaces (`spaced`), cells stand apart by two spaces or more.
    """
    text = line.text
    if spaced and "\t" not in text and "|" not in text:
        return [m.span() for m in SPACED_CELL.finditer(text)]
    start, bounds, clean = 0, [], clean_parts(text)
    if clean is not None:
        for part in clean:
            bounds.append((start, start + len(part)))
            start += len(part) + 1
        return bounds
    separator = "\t" if "\t" in text else "|"
    parts = text.split(separator)
    if separator == "|":
        if not parts[0].strip():
            start = len(parts[0]) + 1
            parts = parts[1:]
        if len(parts) > 1 and not parts[-1].strip():
            parts = parts[:-1]
    for part in parts:
        size = len(part)
        lead = size - len(part.lstrip())
        if lead < size:         # the part has text: it runs from its first to its last non-space
            bounds.append((start + lead, start + len(part.rstrip())))
        else:
            bounds.append((start, start))
        start += size + 1
    return bounds


def clean_parts(text: str) -> list[str] | None:
    """The parts of a tab row none of which is to trim (its only white space tabs, and spaces inside parts), else
    None (a pipe row, or one for split_cells's trimming loop). Each part is its cell (an empty part an empty one),
    as the loop gives (no part has a lead or trailing space). The test need only be sure: no space by a tab or at
    an end, the parts joined, spaces out, printable (str.isprintable is false of every white space but " ")."""
    if "\t" not in text:
        return None
    parts = text.split("\t")
    if " " not in text:
        return parts if "".join(parts).isprintable() else None
    if text[0] == " " or text[-1] == " " or " \t" in text or "\t " in text:
        return None
    return parts if "".join(parts).replace(" ", "").isprintable() else None


def cells_of(line: Line, spaced: bool = False, cuts: list[tuple[int, int]] | None = None) -> list[Cell]:
    """The cells of a printed row; `cuts` is its split_cells when the caller has it already. A tab row of parts
    to trim none of (clean_parts: most rows) gives split_cells's cells from its parts straight (a tab row splits
    at tabs spaced or not), each its cell's text, its key with the spaces (its only white space) out."""
    text = line.text
    if cuts is None and (parts := clean_parts(text)) is not None:
        cells, start = [], 0
        spaces = " " in text
        for part in parts:
            end = start + len(part)
            cells.append(Cell([Span(line, start, end)], part, part.replace(" ", "") if spaces else part)
                         if part else Cell())
            start = end + 1
        return cells
    return [Cell([Span(line, a, b)], text[a:b]) if a < b else Cell()
            for a, b in (split_cells(line, spaced) if cuts is None else cuts)]


def tidy(text: str) -> str:
    """Cell text without OCR gaps inside a word: "产 品类废物" → "产品类废物".

    A gap between Han characters goes when the Han run on one side is one or
    two characters long and the other at least four (a word broken by a wrap);
    "区科经局 区发改局" and "祝莹 肖新锋" (names) keep their space. Each run is
    counted up to four (all the rule needs) with one match: the longest run from
    the gap's end, and the longest that ends at its start within four characters.
    Most cells with a gap keep it: one search for a gap the rule takes out (SHORT_GAP)
    tells those apart without counting each gap's runs.
    """
    if not SHORT_GAP.search(text):
        return text
    out, pos = [], 0
    for m in HAN_GAP.finditer(text):
        start, end = m.span()
        after, before = HAN_RUN.match(text, end), HAN_RUN_END.search(text, max(0, start - 4), start)
        assert after is not None and before is not None         # HAN_GAP's lookarounds
        right, left = after.end() - end, start - before.start()
        if min(left, right) <= 2 and max(left, right) >= 4:
            out.append(text[pos:start])
            pos = end
    out.append(text[pos:])
    return "".join(out)


# White space between two Han characters. It starts with the white space and looks behind from there
# (the Han character before, then the space itself), so the engine tries it only where a space stands,
# not at every character; the matches are those of (?<=[HAN])\s+(?=[HAN]): whole runs of white space.
HAN_GAP = pattern(rf"\s(?<=[{HAN}]\s)\s*(?=[{HAN}])", "产 品类废物")
# A run of Han characters, up to the four that tidy counts: "产品类废物" (its first four)
HAN_RUN = pattern(f"[{HAN}]{{1,4}}", "产品类废")
# The same run where it ends (searched for in the four characters before a gap): "品类废物"
HAN_RUN_END = pattern(rf"[{HAN}]{{1,4}}\Z", "品类废物")
# A gap tidy takes out: a Han run of one or two characters (none before it) on one side, of four on
# the other ("产 品类废物", "处置量下降幅 度"). Like HAN_GAP it starts at the gap's first white space and looks
# behind from there (a fixed width each: one Han character, or two, with none before). Its matches are
# exactly the gaps tidy removes: HAN_GAP's gaps whose runs, counted up to four, are ≤ 2 and ≥ 4 long.
SHORT_GAP = pattern(rf"\s(?:(?:(?<=(?<![{HAN}])[{HAN}]\s)|(?<=(?<![{HAN}])[{HAN}]{{2}}\s))\s*[{HAN}]{{4}}"
                    rf"|(?<=[{HAN}]{{4}}\s)\s*[{HAN}]{{1,2}}(?![{HAN}]))", "产 品类废物", "处置量下降幅 度", "产\u3000品类废物")
# What is not a word character, ignored when a row printed again is compared
NOT_WORD = pattern(r"\W", "、")


def is_header(cells: list[Cell]) -> bool:
    texts = [c.key for c in cells]
    filled = [t for t in texts if t]
    if len(filled) < 2 or is_serial(texts[0]):
        return False
    return texts[0] in SERIAL_LABELS or all(len(t) <= HEADER_LABEL_MAX for t in filled)


def wraps_header(cells: list[Cell]) -> bool:
    """A line right under the header with its first cell empty and short labels in others: the labels' second line."""
    filled = [c.key for c in cells if c.spans]
    return (len(cells) > 1 and not cells[0].spans and bool(filled)
            and all(len(t) <= HEADER_LABEL_MAX and not is_serial(t) for t in filled))


def spans_columns(top: list[Cell], below: list[Cell]) -> bool:
    """Whether a header's first line groups the labels of its second: an empty cell of the first line
    has a label under it ("2023年" over "产量 增长"). The label before such empty cells then spans them."""
    grouped = any(not cell.spans and k < len(below) and below[k].spans for k, cell in enumerate(top) if k)
    if grouped:
        owner: Cell | None = None
        for k, cell in enumerate(top):
            if cell.spans:
                owner = cell
            elif owner is not None:
                owner.colspan += 1
        for k, cell in enumerate(top):          # a label with nothing under it spans both lines: 指标
            if cell.spans and cell.colspan == 1 and k < len(below) and not below[k].spans:
                cell.rowspan = 2
    return grouped


def same_header(header: list[str], cells: list[Cell]) -> bool:
    """A repeat of the header (its cell keys), slight variants included (分管 区领导, 市、区下达的…)."""
    a = header
    if len(a) != len(cells) or not cells or a[0] != cells[0].key:
        return False
    b = [c.key for c in cells]
    same = sum(1 for x, y in zip(a, b) if x == y)
    return same * 2 >= len(a)


def serial(row: Row) -> int | None:
    text = row.cells[0].key if row.cells else ""
    return int(text) if is_serial(text) else None


def build(block: TableBlock, ctx: Context) -> Table:
    table = Table(block.caption, [], block.line)
    header: list[str] | None = None          # the header's cell keys
    header_more: list[str] | None = None     # those of its second line, when its labels wrap
    repeated = False                         # the line before was a repeat of the header
    width = 0
    numbered: int | None = None              # the header's 序号 column after the first, if any
    for line, made in zip(block.lines, block.cells):
        if "---" in line.text and PIPE_RULE.fullmatch(line.text):     # (a separator row has "---")
            ctx.remove_line("markup", line)
            continue
        # (cells the parser made are the table's: nothing else holds them, and the block is built once)
        cells = cells_of(line, block.spaced) if made is None else made
        if not cells:       # white space alone (normalise makes such a line a gap): no cell, nothing to keep
            continue
        if header is None and not table.rows and is_header(cells):
            header, width = [c.key for c in cells], len(cells)
            table.rows.append(Row("header", cells, line.n))
            numbered = serial_column(table.rows[0], start=1)
            continue
        if header is not None and len(table.rows) == 1 and header_more is None and wraps_header(cells):
            if spans_columns(table.rows[0].cells, cells):
                table.rows.append(Row("header", cells, line.n))     # a second level: 2023年 / 产量 增长
            else:
                merge(table.rows[0], cells)        # the rest of the labels: 总投资 / （万元）
            header_more = [c.key for c in cells]
            continue
        # (same_header's first tests made here, without its call: most rows' first keys differ from the header's)
        if header is not None and len(header) == len(cells) and header[0] == cells[0].key \
                and same_header(header, cells) or (
                repeated and header_more == [c.key for c in cells]):
            ctx.remove_line("repeated-table-header", line)
            repeated = True
            continue
        repeated = False
        width = width or len(cells)
        add_row(table, cells, line, width, numbered, ctx)
    realign(table, width)
    span_rows(table, width)
    for line in block.notes:
        table.rows.append(Row("note", [Cell([Span(line, 0, len(line.text))], line.text)], line.n))
    check_numbering(table, ctx)
    return table


def add_row(table: Table, cells: list[Cell], line: Line, width: int, numbered: int | None, ctx: Context) -> None:
    """A printed row into the table; `numbered`: the header's 序号 column after the first, if any."""
    previous = table.rows[-1] if table.rows and table.rows[-1].kind == "data" else None
    if len(cells) == 1 and previous is not None and not GROUP_LABEL.match(line.text.strip()):
        continue_cell(previous, cells[0], line, table, ctx)     # a line of text between rows, no cells
        return
    # (the filled cells counted only where asked: a row whose first cell is filled is a group row when that
    # cell is its only one, and a 序号 no group's; one whose first cell is empty continues the row above)
    if cells[0].spans:
        if not is_serial(cells[0].key) and not any(c.spans for c in cells[1:]):
            table.rows.append(Row("group", [cells[0]], line.n))
            return
    elif previous is not None and any(c.spans for c in cells) and not numbered_after_first(numbered, cells):
        merge(previous, cells)             # a continuation line: empty 序号
        return
    # (the keys compared first: they differ in most rows, and serial, as pure, may go second; a data row
    # has the table's width of cells, one at least: previous.cells[0] is always there)
    if previous is not None and cells[0].key == previous.cells[0].key and serial(previous) is not None:
        if repeats(previous, cells):       # the row split by a page break, printed again in full
            printed = previous.cells[0].spans[0].line      # the earlier copy, now residue
            ctx.remove_line("repeated-table-row", printed)
            previous.cells = fit(cells, width, line.n, ctx)
            previous.line = line.n                         # where the row's text now comes from
            return
    table.rows.append(Row("data", fit(cells, width, line.n, ctx), line.n))


def numbered_after_first(column: int | None, cells: list[Cell]) -> bool:
    """Whether the row has its own number in the header's 序号 `column` after the first (类别 ⇥ 序号 ⇥ …):
    the empty first cell is then covered by the cell above, and the row is a row of its own."""
    return column is not None and column < len(cells) and is_serial(cells[column].key)


def header_row(table: Table) -> Row | None:
    """The table's first header row: its first row, when a header (build puts header rows first)."""
    return table.rows[0] if table.rows and table.rows[0].kind == "header" else None


def serial_column(header: Row | None, start: int = 0) -> int | None:
    """The header's 序号 column (the first from `start`), if it has one."""
    if header is None:
        return None
    return next((k for k, c in enumerate(header.cells) if k >= start and c.key in SERIAL_LABELS), None)


def continue_cell(row: Row, cell: Cell, line: Line, table: Table, ctx: Context) -> None:
    """A line without cells between two rows: the rest of a cell above, wrapped onto its own line.

    Which cell it continues is not printed; the likeliest is the one with the most text (the widest
    column wraps first), and the warning says so.
    """
    target = max(range(len(row.cells)), key=lambda k: (len(cell_text(row.cells[k])), -k))
    row.cells[target].merged += tuple(cell.spans)
    header = header_row(table)
    column = f" ({cell_text(header.cells[target])})" if header is not None and target < len(header.cells) else ""
    ctx.warn(line.n, f"a line without cells between table rows: read as the rest of column {target + 1}{column} "
                     "of the row above")


def repeats(previous: Row, cells: list[Cell]) -> bool:
    """Whether every cell of the earlier part, printed on one line, stands again in the later one."""
    later = "".join(NOT_WORD.sub("", c.text) for c in cells)
    lines = {s.line.n for c in previous.cells for s in c.spans}
    merged = any(c.merged for c in previous.cells)
    return len(lines) == 1 and not merged and all(NOT_WORD.sub("", c.text) in later for c in previous.cells)


def merge(row: Row, cells: list[Cell]) -> None:
    """A continuation line's cells into the row above, cell by cell; extra cells into its last."""
    last = len(row.cells) - 1
    for k, cell in enumerate(cells):
        row.cells[min(k, last)].merged += tuple(cell.spans)


def fit(cells: list[Cell], width: int, line: int, ctx: Context) -> list[Cell]:
    """Exactly `width` cells: trailing empties dropped or added (`cells` itself when it has them: its caller,
    add_row, made the list for the row and keeps no other use of it)."""
    size = len(cells)
    if size == width:
        return cells                # (most rows: cells[:size] + [] would be a copy of it)
    while size > width and not cells[size - 1].spans:
        size -= 1
    if size > width:
        ctx.warn(line, f"table row has {size} cells, the header {width}; extra cells joined to the last")
        # a new last cell (a cell's spans never change); the row's cells are fresh, nothing merged yet
        return cells[:width - 1] + [Cell([s for extra in cells[width - 1:size] for s in extra.spans])]
    return cells[:size] + [Cell() for _ in range(width - size)]


def span_rows(table: Table, width: int) -> None:
    """@rowspan for hierarchical columns: the leading columns that have gaps (the 序号 column aside)."""
    data = [r for r in table.rows if r.kind == "data"]
    if len(data) < 2:
        return
    data = [r for r in data if not is_total(r.cells[0].text.strip())]
    kept = {id(r) for r in data}             # rows are told apart by identity (as `in data` did)
    hierarchical = []
    numbered = serial_column(header_row(table)) or 0
    for k in (k for k in range(width) if k != numbered and (numbered or k)):
        empties = sum(1 for r in data if not r.cells[k].spans and not r.cells[k].merged)
        if empties == 0:
            break
        hierarchical.append(k)
    for k in hierarchical:
        owner: Cell | None = None
        for row in table.rows:
            if id(row) not in kept:
                owner = None
                continue
            cell = row.cells[k]
            if cell.spans:
                owner = cell
            elif owner is not None:
                owner.rowspan += 1


def check_numbering(table: Table, ctx: Context) -> None:
    last = None
    for row in table.rows:
        if row.kind == "group":
            last = None           # each group numbers its rows afresh
        if row.kind != "data":
            continue
        n = serial(row)
        if n is None:
            continue
        if last is not None and n != last + 1:
            what = "repeats" if n <= last else "skips"
            ctx.warn(row.line, f"table numbering {what}: {n} after {last}")
        last = n


def cell_text(cell: Cell) -> str:
    """The text of a cell; cells a row printed beyond the header's width, joined into its last, keep a space apart."""
    spans = cell.spans
    if len(spans) == 1:
        text = cell.text
        # no white space in it (its key as long): nothing to strip or tidy
        return text if len(cell.key) == len(text) else tidy(text.strip())
    return " ".join(tidy(s.text.strip()) for s in spans if s.text.strip())
