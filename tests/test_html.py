"""HTML pages: GB/T 9704 structure, every reading character in order, and a real browser's view.

The browser tests drive Debian's headless Chromium with playwright (a
well-kept driver that reports console messages and page errors and takes
screenshots; its own browser download is not needed: it is pointed at
/usr/bin/chromium). Screenshots go to tests/output/html/ for a person to look
at. Without chromium or playwright those tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from lxml import etree, html as lxml_html

from converter import pipeline
from converter.lossless import reading_chars
from converter.publish import render
from converter.publish.archive import reading_text
from tests.conftest import ALL_SAMPLES, SAMPLES

OUTPUT = Path(__file__).resolve().parent / "output" / "html"
CHROMIUM = os.environ.get("GONGWEN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
# This machine has no network: nothing in the browser may try to reach it.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WUCHANG = SAMPLES / "seeds" / "wuchang-2023-work-report.md.txt"
BULLETIN = next(p for p in ALL_SAMPLES if "bulletin" in p.name)


@pytest.fixture(scope="module", params=ALL_SAMPLES, ids=lambda p: p.name)
def page(request):
    result = pipeline.convert_file(request.param)
    data = render(result.root, "html")
    return request.param, result, data, lxml_html.document_fromstring(data)


def test_a_standalone_chinese_page_with_a_print_stylesheet(page):
    _, result, data, doc = page
    assert data.startswith(b"<!DOCTYPE html>\n")
    assert doc.get("lang") == "zh-CN"
    assert doc.find("head/meta[@charset]").get("charset") == "utf-8"
    assert doc.findtext("head/title").strip()
    style = doc.findtext("head/style")
    assert "@media print" in style and "@page" in style
    assert not doc.xpath("//link[@rel='stylesheet'] | //script | //img")       # nothing to fetch
    # a title printed by the input is the page's h1 (a text with no title gets none: nothing is made up)
    assert bool(doc.xpath("//h1")) == (result.root.find(".//{*}title") is not None)


def test_the_page_holds_every_reading_character_in_order(page):
    _, result, _, doc = page
    assert reading_chars(doc.find("body").text_content()) == reading_chars(reading_text(result.root))


def test_rendering_is_deterministic(page):
    path, result, data, _ = page
    assert render(pipeline.convert_file(path).root, "html") == data


def test_links_resolve(page):
    _, _, _, doc = page
    ids = set(doc.xpath("//@id"))
    targets = {href[1:] for href in doc.xpath("//a/@href") if href.startswith("#")}
    assert targets <= ids, sorted(targets - ids)[:5]


def test_table_rows_fill_the_columns_once_spans_are_counted(page):
    _, _, _, doc = page
    for table in doc.iter("table"):
        rows = table.xpath(".//tr")
        grid: dict[tuple[int, int], bool] = {}
        widths = []
        for r, tr in enumerate(rows):
            c = 0
            for cell in tr.xpath("th|td"):
                while grid.get((r, c)):
                    c += 1
                for dr in range(int(cell.get("rowspan", "1"))):
                    for dc in range(int(cell.get("colspan", "1"))):
                        grid[(r + dr, c + dc)] = True
                c += int(cell.get("colspan", "1"))
            widths.append(max([k[1] + 1 for k in grid if k[0] == r], default=0))
        assert len(set(widths)) == 1, (table.findtext("caption"), widths)


def test_headings_follow_the_numbering_not_the_input_markdown():
    """The wuchang report's markdown `#` levels contradict its numbering; section @level decides."""
    result = pipeline.convert_file(WUCHANG)
    doc = lxml_html.document_fromstring(render(result.root, "html"))
    levels = [int(s.get("level")) for s in result.root.iter("{*}section")
              if s.find("{*}num") is not None or s.find("{*}heading") is not None]
    ranks = [int(h.tag[1]) for h in doc.xpath("//*[contains(@class, 'section-heading')]")]
    assert ranks == [1 + level for level in levels]
    assert doc.xpath("//h1")[0].text_content() == result.root.findtext("{*}document/{*}title")


def test_gbt_9704_frame_elements():
    doc = lxml_html.document_fromstring(render(pipeline.convert_file(BULLETIN).root, "html"))
    notice = doc.xpath("//article[@id='d1']")[0]
    assert notice.xpath("header[contains(@class,'with-mark')]/p[@class='issuer-mark']")
    assert notice.xpath("header/p[@class='doc-number']")[0].text_content() == "新政发〔2023〕1号"
    assert notice.xpath("div[@class='signature']//time/@datetime") == ["2023-01-10"]
    # 目录 entries link to the documents, and their page numbers are generated content, not text
    entries = doc.xpath("//nav[@class='toc']//li[@class='toc-entry']")
    assert entries and all(e.xpath("a/@href") for e in entries)
    assert entries[0].get("data-page") == "1" and not any(ch.isdigit() for ch in entries[0].text_content()[-1:])
    # merged cells span, and the cells they cover are left out
    assert doc.xpath("//td[@rowspan='9']")
    # a glossary entry links back to its first marker
    footnoted = lxml_html.document_fromstring(render(pipeline.convert_file(WUCHANG).root, "html"))
    ref = footnoted.xpath("//a[@class='note-ref']")[0]
    entry = footnoted.xpath(f"//li[@id='{ref.get('href')[1:]}']")[0]
    assert entry.xpath("a[@class='back']/@href") == [f"#{ref.get('id')}"]


# ===== in a real browser =====

@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no chromium on PATH (apt-get install chromium fonts-noto-cjk; .ci/run installs them)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install '.[test]')")
    with sync_playwright() as driver, tempfile.TemporaryDirectory(prefix="gongwen-chromium-") as profile:
        context = driver.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1000, "height": 1400}, offline=True)
        try:
            yield context
        finally:
            context.close()


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda p: p.name)
def test_in_chromium_no_console_errors_all_text_and_a_screenshot(browser, sample):
    result = pipeline.convert_file(sample)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    stem = sample.name.rsplit(".", 1)[0]
    html_path = OUTPUT / f"{stem}.html"
    html_path.write_bytes(render(result.root, "html"))
    tab = browser.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning")
           else None)
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    try:
        tab.goto(html_path.as_uri(), wait_until="load")
        text = tab.evaluate("document.body.textContent")
        assert reading_chars(text) == reading_chars(reading_text(result.root))
        # the CJK font is there: a Han character is drawn wider than a Latin one
        widths = tab.evaluate("""() => { const c = document.createElement('canvas').getContext('2d');
            c.font = '16px serif'; return [c.measureText('政').width, c.measureText('i').width]; }""")
        assert widths[0] > widths[1] * 1.5, "no CJK font: install fonts-noto-cjk"
        tab.screenshot(path=str(OUTPUT / f"{stem}.png"))
        for selector, suffix in (("table", "table"), (".glossary", "glossary"), (".imprint-lines", "end"),
                                 ("nav.toc", "toc")):
            if tab.evaluate("s => { const e = document.querySelector(s); if (e) e.scrollIntoView(); return !!e; }",
                            selector):
                tab.screenshot(path=str(OUTPUT / f"{stem}-{suffix}.png"))
    finally:
        tab.close()
    assert problems == []


def html_of_fixture(case: str):
    data = (SAMPLES.parent / "tests" / "fixtures" / f"{case}.txt").read_bytes()
    return lxml_html.fromstring(render(pipeline.convert_bytes(data, "case.txt").root, "html"))


def test_what_forms_add_reads_as_printed():
    """A reply's citation is one sentence (its 文号 inline, not a centred block); an amendment's numeral opens its text."""
    reply = html_of_fixture("reply/answers-doc-number")
    (answers,) = reply.xpath("//p[@class='answers']")
    assert answers.xpath(".//cite") and answers.xpath(".//span[@class='cited-number']")
    assert not answers.xpath(".//p")
    decision = html_of_fixture("decision/amendments")
    first = decision.xpath("//div[@class='amendment']/p[1]")[0]
    assert first.xpath("span[@class='num']") and (first.text_content().startswith("一、"))
