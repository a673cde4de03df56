"""`gongwen catalogue`: the 归档文件目录 of a set of archives, one row per document (件).

A row is a document that no other document holds: a notice and the report
it issues (印发) are one 件, as DA/T 22-2015 makes a 转发文 and what it
forwards one 件; each document of a bulletin issue is a row of its own,
with the issue it came from. Every value is read from the archive XML
(whitespace collapsed, nothing else changed); what the archive does not
hold (页数, 保管期限, 密级 …) stays empty, never guessed.

Columns: DA/T 22-2015 (归档文件整理规则) first, in its order, then the core
metadata of GB/T 33480-2016 (党政机关电子公文元数据规范) in its order, then
where the row comes from. Rows are sorted by date (undated last), 文号,
title, archive file and position in it; 件号 numbers them from 1.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from lxml import etree

from converter import validation
from converter.patterns import pattern
from converter.rules import DATE, DOC_NUMBER, KIND_WORDS

# DA/T 22-2015 归档文件目录, in its order; 密级 and 保管期限 where the archive holds them.
DA_T_22 = ("件号", "责任者", "文号", "题名", "日期", "页数", "备注", "密级", "保管期限")
# GB/T 33480-2016 电子公文核心元数据 4.1–4.18, in its order.
GB_T_33480 = ("公文标识", "文种", "份号", "密级和保密期限", "紧急程度", "发文机关标志", "发文字号", "签发人",
              "标题", "主送机关", "附件说明", "发文机关或签发人署名", "成文日期", "附注", "抄送机关",
              "印发机关", "印发日期", "发布层次")
# Where a row comes from: the bulletin issue and column, the input, the archive file, the document's @id.
ORIGIN = ("公报", "期", "栏目", "来源文件", "档案文件", "文档")
COLUMNS = DA_T_22 + GB_T_33480 + ORIGIN
# Several signers of one document (联合发文), or several 附注, in one cell.
JOIN = "；"
# A cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or CR before one):
# in CSV it gets a leading apostrophe, which spreadsheets show as text. (.xlsx cells are typed.)
FORMULA_START = pattern(r"[=+\-@\t\r]", "=SUM(A1)", "@cmd")
# The archive format's namespace, any version.
NAMESPACE = "urn:gongwen:archive:"
# .xlsx entries and document properties get this instant, so the file is the same on every run.
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class NotAnArchive(Exception):
    """An input that is not gongwen archive XML; the message is one line for the user."""


@dataclass(frozen=True)
class Row:
    values: dict[str, str]
    order: tuple[object, ...]    # the sort key


def read_archive(path: Path, shown: str) -> list[Row]:
    """The rows of one archive file; NotAnArchive when it cannot be read as one."""
    doc = validation.parse_safely(path)
    if isinstance(doc, validation.Problem):
        where = f"{doc.line}:{doc.column}: " if doc.line else ""
        raise NotAnArchive(f"{where}{doc.message}")
    return rows_of(doc.getroot(), shown)


def rows_of(root: etree._Element, shown: str) -> list[Row]:
    qname = etree.QName(root)
    if qname.localname != "archive" or not (qname.namespace or "").startswith(NAMESPACE):
        raise NotAnArchive(f"not a gongwen archive (its root element is <{qname.localname}>)")
    source = root.find("{*}source")
    source_name = source.get("name", "") if source is not None else ""
    documents = [el for el in root.iter("{*}document") if next(el.iterancestors("{*}document"), None) is None]
    rows = []
    for position, doc in enumerate(documents):
        values = document_values(doc)
        values.update(origin_values(doc), 来源文件=source_name, 档案文件=shown, 文档=doc.get("id", ""))
        rows.append(Row(values, sort_key(values, doc, shown, position)))
    return rows


def text(el: etree._Element | None) -> str:
    """All text inside `el`, white space collapsed; empty when there is no such element."""
    if el is None:
        return ""
    return " ".join(etree.tostring(el, method="text", encoding="unicode", with_tail=False).split())


def texts(els: Iterable[etree._Element]) -> str:
    return JOIN.join(t for t in map(text, els) if t)


def document_values(doc: etree._Element) -> dict[str, str]:
    """The DA/T 22 and GB/T 33480 values of one document, each from the element that holds it."""
    signers = texts(doc.iterfind("{*}signature/{*}signer"))
    number, title = doc_number(doc.find("{*}docNumber")), text(doc.find("{*}title"))
    # a speech is signed by its speaker; a document whose 署名 is lost, by the organ its title names
    responsible = signers or text(doc.find("{*}author")) or title_issuer(title)
    date = document_date(doc)
    return {
        "责任者": responsible, "文号": number, "题名": title, "日期": date.replace("-", ""),
        "文种": kind_word(doc.get("form", ""), title), "发文机关标志": text(doc.find("{*}issuerMark")),
        "发文字号": number,
        "标题": title, "主送机关": text(doc.find("{*}recipients")), "附件说明": text(doc.find("{*}attachmentNote")),
        "发文机关或签发人署名": responsible, "成文日期": date, "附注": texts(doc.iterfind("{*}remark")),
        "抄送机关": text(doc.find("{*}cc")), "印发机关": texts(doc.iterfind("{*}printer/{*}signer")),
        "印发日期": attribute(doc.find("{*}printer/{*}date"), "value"),
    }


def title_issuer(title: str) -> str:
    """The 发文机关 a title names before 关于 ("安徽省人民政府关于…的通知" → 安徽省人民政府), else nothing."""
    issuer, about, _ = title.partition("关于")
    return issuer.strip() if about else ""


def attribute(el: etree._Element | None, name: str) -> str:
    return el.get(name, "") if el is not None else ""


def document_date(doc: etree._Element) -> str:
    """The ISO date a document was made: its 成文日期, else the day a speech was delivered, else its own
    @date (a brief's), else the date of the 题注 its 文号 is printed in, else the day its text was last
    adopted or revised (a regulation's 题注: the last `adopted` line)."""
    adopted = [a for a in doc.findall("{*}body/{*}adopted") if a.get("date")]
    return (attribute(doc.find("{*}signature/{*}date"), "value") or attribute(doc.find("{*}delivered"), "date")
            or doc.get("date", "") or attribute(doc.find("{*}docNumber"), "date")
            or (adopted[-1].get("date", "") if adopted else ""))


def doc_number(el: etree._Element | None) -> str:
    """The 文号 as printed; of a dated 题注 ((1985年5月4日皖政〔1985〕38号)), the number in it."""
    printed = text(el)
    if el is not None and el.get("date"):
        dated = DATE.search(printed)          # the number stands after the 题注's date
        found = DOC_NUMBER.search(printed, dated.end() if dated else 0)
        if found:
            return found.group()
    return printed


def kind_word(form: str, title: str) -> str:
    """The 文种 as a word: the one the title ends in (before a note such as （试行）), else the form's own.

    Empty when neither the title nor the form names one (a text of no known form), never guessed.
    """
    from converter.forms import registry
    from converter.forms.naming import title_word

    known = next((f for f in registry().forms if f.name == form), None)
    own = known.title_words if known is not None else ()
    word = title_word(title, KIND_WORDS) if title else None
    if word and (not own or word in own):
        return word
    # no title word, or another form's (an order prints the title of the decision it promulgates)
    return own[0] if own else word or ""


def origin_values(doc: etree._Element) -> dict[str, str]:
    """The bulletin issue and the column (or record section) a document stands in, when it does."""
    bulletin = next(doc.iterancestors("{*}bulletin"), None)
    if bulletin is None:
        return {"公报": "", "期": "", "栏目": ""}
    column = next(doc.iterancestors("{*}part", "{*}briefs", "{*}appointments", "{*}chronicle"), None)
    label = ""
    if column is not None:
        label = column.get("title") or text(column.find("{*}title"))
    return {"公报": text(bulletin.find("{*}masthead/{*}title")), "期": issue_of(bulletin), "栏目": label}


def issue_of(bulletin: etree._Element) -> str:
    """2023年第1期（总第44期）from the masthead's first issue line's numbers; its text when it has none."""
    issue = bulletin.find("{*}masthead/{*}issue")
    if issue is None:
        return ""
    year, n, total = issue.get("year"), issue.get("n"), issue.get("total")
    if not n:
        return text(issue)
    shown = (f"{year}年" if year else "") + f"第{n}期"
    return shown + (f"（总第{total}期）" if total else "")


def sort_key(values: dict[str, str], doc: etree._Element, shown: str, position: int) -> tuple[object, ...]:
    number = doc.find("{*}docNumber")
    seq = int(number.get("seq", "0")) if number is not None and number.get("seq", "").isdigit() else 0
    parts = (number.get("prefix", ""), number.get("year", ""), seq) if number is not None else ("", "", 0)
    return (values["日期"] == "", values["日期"], parts, values["题名"], shown, position)


def ordered(rows: Iterable[Row]) -> list[dict[str, str]]:
    """The rows sorted, numbered (件号) and filled out to every column."""
    table = []
    for n, row in enumerate(sorted(rows, key=lambda r: r.order), start=1):
        values = {column: row.values.get(column, "") for column in COLUMNS}
        values["件号"] = str(n)
        table.append(values)
    return table


def to_csv(table: list[dict[str, str]]) -> bytes:
    """CSV in UTF-8 with a BOM (so that Excel reads it as UTF-8), CRLF line ends, a header row."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for values in table:
        writer.writerow([guarded(values[column]) for column in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def guarded(value: str) -> str:
    return "'" + value if FORMULA_START.match(value) else value


def to_xlsx(table: list[dict[str, str]]) -> bytes:
    """One sheet, a header row, every cell a string; the same bytes on every run (needs openpyxl)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("归档文件目录")
    sheet.freeze_panes = "A2"
    for values in [dict(zip(COLUMNS, COLUMNS)), *table]:
        cells = []
        for column in COLUMNS:
            cell = WriteOnlyCell(sheet, value=values[column])
            cell.data_type = "s"           # never a formula or a number, whatever the text starts with
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_in_time(buffer.getvalue(), fixed_properties(book))


def fixed_properties(book: Any) -> bytes:
    """docProps/core.xml with created and modified at FIXED_ZIP_TIME (openpyxl stamps the time of saving)."""
    import datetime

    from openpyxl.xml.functions import tostring

    props = book.properties
    props.created = props.modified = datetime.datetime(*FIXED_ZIP_TIME)
    return bytes(tostring(props.to_tree()))


def fixed_in_time(data: bytes, core: bytes) -> bytes:
    """The same zip with every entry stamped FIXED_ZIP_TIME and docProps/core.xml replaced by `core`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0         # the same on every platform
            entry.external_attr = 0
            target.writestr(entry, core if info.filename == "docProps/core.xml" else source.read(info))
    return out.getvalue()


# How a catalogue file is written, by the suffix of its name.
WRITERS: dict[str, Callable[[list[dict[str, str]]], bytes]] = {".xlsx": to_xlsx}


def render(table: list[dict[str, str]], name: str) -> bytes:
    return WRITERS.get(Path(name).suffix.lower(), to_csv)(table)
