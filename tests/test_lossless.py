"""The lossless check itself must catch what it is meant to catch."""

from __future__ import annotations

from converter import lossless, pipeline, reader
from tests.conftest import SAMPLES

INPUT = "一、总体要求\n第1条内容。\n— 2 —\n"


def archive(flow: str, residue: str = '<removed reason="page-number" line="3">— 2 —</removed>') -> bytes:
    return (f'<archive xmlns="urn:gongwen:archive:1.0"><source name="x"/><document>{flow}</document>'
            f'<residue>{residue}</residue></archive>').encode()


def test_accepts_flow_plus_residue():
    assert lossless.check(INPUT, archive("<p>一、总体要求</p><p>第1条内容。</p>")) is None


def test_catches_a_dropped_character():
    loss = lossless.check(INPUT, archive("<p>一、总体要求</p><p>第条内容。</p>"))
    assert loss is not None and loss.line == 2


def test_catches_reordering():
    assert lossless.check(INPUT, archive("<p>第1条内容。</p><p>一、总体要求</p>")) is not None


def test_catches_text_moved_into_residue_on_the_wrong_line():
    bad = archive("<p>一、总体要求</p><p>第1条内容。</p>",
                  '<removed reason="page-number" line="1">— 2 —</removed>')
    assert lossless.check(INPUT, bad) is not None


def test_catches_added_text():
    assert lossless.check(INPUT, archive("<p>一、总体要求</p><p>第1条内容。</p><p>多</p>")) is not None


def page_archive(fact: str, removed: str, flow: str) -> bytes:
    return (f'<archive xmlns="urn:gongwen:archive:1.0"><source name="x"/><page>{fact}</page>'
            f'<document>{flow}</document><residue>{removed}</residue></archive>').encode()


# A page fact running on into line 2, and a tag of line 1 holding one of the fact's digits.
SHARED = "索引号：11330000/2023-01<i v=1>\n打印<p>中\n"
FACT = '<fact name="索引号" line="1">索引号：11330000/2023-01 打印</fact>'


def test_items_of_one_line_sharing_characters_are_each_given_their_own():
    # in document order the tag's "1" would take the fact's first one, and the fact would not fit
    good = page_archive(FACT, '<removed reason="markup" line="1">&lt;i v=1&gt;</removed>', "<p>中</p>")
    assert lossless.check(SHARED, good) is None


def test_items_of_one_line_sharing_characters_still_catch_a_loss():
    tag = '<removed reason="markup" line="1">&lt;i v=1&gt;</removed>'
    assert lossless.check(SHARED, page_archive(FACT.replace("2023-01", "2023-0"), tag, "<p>中</p>")) is not None
    assert lossless.check(SHARED, page_archive(FACT, tag, "<p>文</p>")) is not None
    assert lossless.check(SHARED, page_archive(FACT, tag.replace("v=1", "v=2"), "<p>中</p>")) is not None


# A label printed twice on a line, the second's value on the line below it.
UNDER = "2023年12月1日印发索引号：11330000/2023-01<i>索引号：\n中\n"


def test_an_item_running_on_may_stand_at_its_lines_end():
    # taken where its characters first appear, the fact would take the text's 索引号, not its own
    good = page_archive('<fact name="索引号" line="1">索引号：中</fact>', "",
                        "<p>2023年12月1日印发索引号：11330000/2023-01</p>")
    assert lossless.check(UNDER, good) is None
    lost = page_archive('<fact name="索引号" line="1">索引号：中</fact>', "", "<p>2023年12月1日印发索引号：11330000/2023-0</p>")
    assert lossless.check(UNDER, lost) is not None


# A tag holding a digit the line's text holds too, beside a page fact running on into line 2.
TAG = '<removed reason="markup" line="1">&lt;i v=1&gt;</removed>'
TEXT_BEFORE = "123<i v=1>发布时间：2024-03-05\n办公室\n"
DATED = '<fact name="发布时间" line="1">发布时间：2024-03-05 办公室</fact>'
LAST_BELOW = "123索引号：2024-0001<i v=1>\n1\n"
NUMBERED = '<fact name="索引号" line="1">索引号：2024-0001 1</fact>'


def test_a_shared_character_beside_an_item_running_on_is_read_by_the_flow():
    # the tag's "1" taken first would take the text's: "231" left, against the flow's "123"
    assert lossless.check(TEXT_BEFORE, page_archive(DATED, TAG, "<p>123</p>")) is None
    # the fact's last "1" is the one printed below it, not the tag's at its line's end
    assert lossless.check(LAST_BELOW, page_archive(NUMBERED, TAG, "<p>123</p>")) is None


def test_a_shared_character_beside_an_item_running_on_still_catches_a_loss():
    assert lossless.check(TEXT_BEFORE, page_archive(DATED, TAG, "<p>12</p>")) is not None
    assert lossless.check(TEXT_BEFORE, page_archive(DATED.replace("办公室", "办"), TAG, "<p>123</p>")) is not None
    assert lossless.check(LAST_BELOW, page_archive(NUMBERED.replace(" 1<", "<"), TAG, "<p>123</p>")) is not None
    assert lossless.check(LAST_BELOW, page_archive(NUMBERED, TAG, "<p>13</p>")) is not None


# A fact whose value is printed two lines below its label, past a line of template code spelling its first words.
TEMPLATE = "索引号：<%\n打印通知\n%>通知各乡镇\n"
CODE = ('<removed reason="markup" line="1">&lt;%</removed><removed reason="markup" line="2">打印通知</removed>'
        '<removed reason="markup" line="3">%&gt;</removed>')


def test_an_item_running_on_passes_over_a_line_wholly_its_own_items_even_where_they_spell_its_words():
    assert lossless.check(TEMPLATE, page_archive('<fact name="索引号" line="1">索引号：通知各乡镇</fact>', CODE, "")) is None
    lost = page_archive('<fact name="索引号" line="1">索引号：通知各乡</fact>', CODE, "")
    assert lossless.check(TEMPLATE, lost) is not None


def test_full_width_digits_count_as_ascii():
    assert lossless.check("第１条\n", archive("<p>第1条</p>", "")) is None


def test_attributes_are_not_reading_text():
    assert lossless.check("二〇一九年\n", archive('<date value="2019-01-01">二〇一九年</date>', "")) is None


def test_a_real_sample_round_trip():
    path = SAMPLES / "seeds" / "wuchang-2023-work-report.md.txt"
    assert lossless.check(reader.read_source(path).text, pipeline.convert_file(path).xml) is None


def test_the_reading_alphabet_is_the_regex_modules_han_and_decimal_digits():
    import regex
    import unicodedata

    from converter.lossless import fold_digits, reading_runs
    from converter.unicode_ranges import DIGIT_RANGES, HAN_RANGES

    # Every character the interpreter's Unicode assigns: a regex of another Unicode version agrees on those
    # (a version adds characters, it does not move them between scripts); the tables are of regex 2026.11.
    every = "".join(chr(c) for c in range(0x110000)
                    if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) != "Cn")
    assert reading_runs(every) == regex.sub(r"[^\p{Han}\p{Nd}]+", "", every)
    assert reading_runs(every, lines=True) == regex.sub(r"[^\p{Han}\p{Nd}\n]+", "", every)
    assert not any(a <= 0xFFFF < b for a, b in HAN_RANGES + DIGIT_RANGES)     # the BMP patterns' premise
    bmp = "".join(c for c in every if c < "\ud800")      # text without astral characters: the BMP patterns
    assert reading_runs(bmp) == regex.sub(r"[^\p{Han}\p{Nd}]+", "", bmp)
    assert reading_runs("第１２条\n٣𠀀 x", lines=True) == "第１２条\n٣𠀀"
    assert fold_digits("第１２条٣४") == "第12条34"


def test_text_merged_into_a_row_is_checked_on_its_own_line_not_in_the_flow():
    text = "名称\t数量\n甲\t一\n乙\n"
    row = '<table><row line="2"><cell>甲</cell><cell>一<merged line="3">{}</merged></cell></row></table>'
    head = '<table><row line="1"><cell>名称</cell><cell>数量</cell></row></table>'
    assert lossless.check(text, archive(head + row.format("乙"), residue="")) is None
    assert lossless.check(text, archive(head + row.format("丙"), residue="")) is not None
    # without the merged element the same characters stand in the flow, where line 2 does not have them
    assert lossless.check(text, archive(head + row.replace('<merged line="3">{}</merged>', "乙"), residue="")) is None
    assert lossless.check(text, archive(head + row.replace('<merged line="3">{}</merged>', "丙"), residue="")) is not None


def test_residue_running_on_across_a_line_that_is_wholly_its_own_markup():
    """Fuzz case 7-511: an HTML title read from two source lines went to residue at the first; the tag line
    between them holds a digit of its own (class="STYLE3"), which the run-on must pass over, not stop at."""
    from converter.pipeline import convert_bytes

    text = ("        信用建设工作领导小组的通知\n    <span class=\"STYLE3\">\n"
            "        临安市人民政府办公室关于成立临安市<br/>\n        信用建设工作领导小组的通知\n    </span>\n</p>")
    result = convert_bytes(text.encode(), "page.txt")          # raised "residue running on …" before
    assert lossless.check(text, result.xml) is None
    for removed in result.root.iter("{*}removed"):
        if "临安市人民政府办公室" in (removed.text or ""):
            removed.text = "信用建设工作领导小组的通知"          # the run-on's text lost: still a loss
    assert lossless.check(text, result.root) is not None


def test_the_flow_and_the_anchored_items_found_fast_are_those_the_xpath_definitions_select():
    from lxml import etree

    # merged cells with children and tails, nested, beside and inside residue, a comment, another namespace
    tricky = etree.fromstring(
        '<archive xmlns="urn:gongwen:archive:1.0" xmlns:o="urn:other"><source name="x"/>'
        '<document>一<table><row><cell>二<merged line="3">三<b>四</b>五</merged>六</cell></row>'
        '<row><cell><o:merged line="4">七<merged line="5">八</merged>九</o:merged>十</cell></row></table>'
        '<!-- 注 -->十一<p>十二<b>十三</b></p>十四</document><p>十五</p>'
        '<residue><removed line="1" reason="markup">一<merged line="2">二</merged></removed>'
        '<merged line="6">三</merged><x><removed line="7" reason="markup">四</removed></x></residue></archive>')
    roots = [tricky] + [etree.parse(str(path)).getroot() for path in sorted(SAMPLES.glob("*/*.xml"))]
    for root in roots:
        expected = "".join("".join(lossless.FLOW_TEXT(child)) for child in root
                           if isinstance(child.tag, str) and etree.QName(child).localname not in lossless.NOT_FLOW)
        assert lossless.flow_text(root) == expected
        assert lossless.anchored_in_order(root) == lossless.ANCHORED_IN_ORDER(root)
    assert lossless.flow_text(tricky) == "一二四六十十一十二十三十四十五"     # 四: its parent is b
    assert [el.get("line") for el in lossless.anchored_in_order(tricky)] == ["3", "4", "5", "1", "2", "6"]


def test_a_digit_of_a_newer_unicode_than_the_interpreters_folds_by_its_place_in_its_block():
    """Fuzz case 1-1011: 𐵃 (U+10D43, a Garay digit of Unicode 16) is in the table of digits but not in
    Python 3.11's unicodedata: folding raised "not a digit" and the conversion failed."""
    import unicodedata

    from converter.lossless import digit_value, fold_digits
    from converter.unicode_ranges import DIGIT_RANGES

    assert fold_digits("第\U00010d43条") == "第3条"
    for start, end in DIGIT_RANGES:               # where the interpreter knows the digit, both agree
        for code in range(start, end + 1):
            known = unicodedata.digit(chr(code), None)
            assert known is None or digit_value(chr(code)) == known


def test_random_tag_soup_that_failed_the_check_converts():
    """Pages of tests/differential.py's random_page, shrunk: each raised "output would lose text" (a gongwen bug)
    though nothing was lost: a template tag's digit beside a fact running on; a fact's value printed past a
    line of template code that spells its first words."""
    for page in ("<body>\r123<%= 1 %><br/>发布时间：2024-03-05-->%\n各乡镇人民政府：",
                 "<body>123<p>索引号：000014349/2024-00012关于做好春季植树工作的通知<?php echo 1; ?>-->\r\n&#49;",
                 "<body>&#49;<nav>索引号：各乡镇人民政府：<%\n打印关于做好春季植树工作的通知\n%>关于做好春季植树工作的通知"
                 "】各乡镇人民政府：\r\n\t各乡镇人民政府："):
        result = pipeline.convert_bytes(page.encode(), "page.html")
        assert lossless.check(page, result.root) is None
        assert result.root.find("{*}page/{*}fact") is not None
