"""The fast paths of normalise over plain lines (furniture, clean lines, chrome, footers) compute what the slow
paths they bypass compute."""

from __future__ import annotations

import random
import re
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

from converter.model.text import Line
from converter.normalise import chrome_lines as C
from converter.normalise import Normalised, normalise
from converter.normalise.furniture import FURNITURE, FURNITURE_RULES, furniture_reason, may_be_furniture
from converter.normalise.lines import (FORBIDDEN_CHAR, clean_as_printed, clean_line, clean_line_fully, may_hold_forbidden,
                                      split_lines)
from converter.normalise.region import ENDS_WITH_COLON, NUMBER_FIRST, TEXT_MARK, starts_text
from converter.normalise.runon import RUN_ON_MIN, cut_points
from converter.patterns import EXAMPLES
from converter.rules import SECTION_RULES

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# Odd inputs: empty, white space of every kind, full- and half-width forms, controls, astral characters, long lines.
ODD = [
    "", " ", "\t", "\u3000", "\u00a0", "\u2028", "\x1c", "\x85", "\u200b", "\ufeff", "a", "1", "１", "٣", "𝟘", "𝟘12",
    "— 26 —", "－ １２ －", "- 3 -", "·12·", "1/3", "第 3 页", "（此页无正文）", "(此页无正文)", "2026/5/19 19:11",
    "https://www.example.gov.cn/a.html", "www.a.cn", "Https://a.cn", "（共印50份）", "共印 120 份", " 共印1份",
    "────────", "___________", "---", "★", "——★——", "- - -", "\u3000★", "\t---", "～～～", "﹏﹏﹏", "＝＝＝",
    "一、总体要求", "（一）加强", "关于印发某某办法的通知", "各乡镇人民政府：", "特此通知。", "打印", "【字号：大 中 小】",
    "|首页|政务公开|", "首页 | 政务公开 | 互动交流", "您的位置：首页 » 政务公开", "本报记者 张三 摄", "免责声明：本站内容仅供参考",
    "**加粗**正文", "正文<sup>①</sup>", "a*b", "a<b", "正文**加粗**", "正文<br/>", "## 一、", "- 列表", "> 引文", "+ 项", "#话题",
    "[Home。] [Help。]", "字号：大。中。小", "← 上一篇。", "下一篇。 →", "维基百科", "姊妹计划: 数据项。", "分享到：微信 微博",
    "扫一扫在手机打开当前页", "某某县人民政府门户网站", "您是第 12345 位访问者", "（责任编辑：王明）", "收录于《某某》。",
    "本作品收录于《某某公报/2004年/第7号", "县长王明作政府工作报告。本报记者 张三 摄", "首页 » 法律法规 »",
    "【分享】", "分享至", "姊妹计划 数据项", "责编:王明", "单击这里查看全文", "如有侵权请联系删除", "本网所载内容来源于网络",
    "𠀀𠀁𠀂", "\ud7ff\ue000", "ｈｔｔｐ://a", "Ａ＋", "a" * 5000, "。" * 400, "字" * 61, "第" * 321, "　" * 70 + "正文",
]


def sample_lines() -> list[str]:
    """Every line of every sample, its white space at both ends as printed and stripped."""
    out: list[str] = []
    for path in sorted(SAMPLES.rglob("*.txt")):
        for raw in split_lines(path.read_text(encoding="utf-8", errors="replace")):
            out.extend((raw, raw.strip()))
    return out


def random_lines(count: int = 3000, seed: int = 12) -> list[str]:
    """Random short strings over the characters the patterns care about, and some others."""
    alphabet = ("—–-－―─·•第页共印份（）()此无正文/:： \t\u3000\u00a0hwtps.★☆_＿=＝~～═﹏0123456789０１２"
                "打印关闭分享到微信扫一扫码|｜│[]【】网站访问量←→维基姊妹责任编辑审核您的位置首页»>›＞／摄图片来源"
                "收录于免责声明侵权删除转载本站网点击单下载地址，。；！？,;!?aAzZ字号体大中小*<>#+")
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(count)]


@lru_cache(maxsize=1)
def inputs() -> list[str]:
    return ODD + sample_lines() + random_lines() + [str(x) for p, xs in EXAMPLES.items() for x in xs
                                                     if isinstance(x, str)]


def slow_furniture_reason(text: str) -> str | None:
    m = FURNITURE.fullmatch(text)
    return FURNITURE_RULES[int(m.lastgroup[1:])].kind if m and m.lastgroup else None


def test_furniture_gate_gives_the_reason_of_the_full_match() -> None:
    for text in inputs():
        assert furniture_reason(text, FURNITURE_RULES, FURNITURE) == slow_furniture_reason(text), repr(text)


def test_furniture_gate_lets_through_every_match() -> None:
    # any character before the rest of one of the rules' examples (or before a digit, a dash, a bracket …)
    # that FURNITURE matches is let through by the gate
    tails = {x[1:] for rule in FURNITURE_RULES for x in EXAMPLES[rule.pattern]}
    tails |= {"", "1", " 3 —", "3", "—", "-", "★", "─", "/3", "页", "印5份", "印5份）", "此页无正文）", "ttp://a", "ww.a",
              " 3 页", "3页 共5页", "共印50份）", "024/5/19 19:11", "1", "1/1"}
    for c in [*map(chr, range(0x10000)), "\U0001d7d8", "\U00020000", "\U0010fffd"]:
        for tail in tails:
            if FURNITURE.fullmatch(c + tail):
                assert may_be_furniture(c + tail), repr(c + tail)


def test_every_forbidden_character_is_unprintable() -> None:
    # clean_line and the main loop of normalise ask str.isprintable before FORBIDDEN_CHAR
    for c in map(chr, range(0x110000)):
        if FORBIDDEN_CHAR.match(c):
            assert not c.isprintable(), hex(ord(c))


def test_clean_line_gives_what_every_step_gives() -> None:
    for n, raw in enumerate(inputs()):
        assert clean_line(n, raw, n % 3 == 0) == clean_line_fully(n, raw, n % 3 == 0), repr(raw)


def test_a_line_clean_as_printed_is_kept_as_it_stands() -> None:
    kept = 0
    for n, raw in enumerate(inputs()):
        if raw and clean_as_printed(raw):
            kept += 1
            assert clean_line_fully(n, raw, n % 3 == 0) == (Line(n, None, raw, False, n % 3 == 0), []), repr(raw)
    assert kept > 1000


def documents() -> list[str]:
    """The samples, and documents of odd and random lines (blank lines, print stamps, CRLF between)."""
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(SAMPLES.rglob("*.txt"))]
    rng = random.Random(3)
    odd = ODD + random_lines(600) + ["2026/5/19 19:11", "关于某某的通知", "— 4 —", "5", "- 6 -"]
    for k in range(40):
        picked = [rng.choice(odd) for _ in range(rng.randint(0, 60))]
        texts.append(("\r\n" if k % 5 == 0 else "\n").join(picked))
    # a browser's print header over each page: the title under the stamp is a running header
    page = "2026/5/19 19:11\n关于某某的通知\n正文第一段。\n— 1 —\n"
    texts.append("关于某某的通知\n" + page * 3 + "2026/5/19 19:12\n正文\n")
    return texts


def same_page(a: Normalised, b: Normalised) -> bool:
    def facts(page: Normalised) -> list[tuple[str, int, str, str | None]]:    # (a PageFact compares by identity)
        return [(fact.name, fact.line, fact.text, fact.value) for fact in page.facts]
    return facts(a) == facts(b) and all(getattr(a, f.name) == getattr(b, f.name) for f in fields(Normalised)
                                        if f.name != "facts")


def test_normalise_fast_path_gives_what_the_slow_path_gives() -> None:
    # rules equal to FURNITURE_RULES but not those: furniture compiled afresh, every line through clean_line
    slow_rules = tuple(list(FURNITURE_RULES))
    assert slow_rules is not FURNITURE_RULES and slow_rules == FURNITURE_RULES
    for text in documents():
        assert same_page(normalise(text), normalise(text, rules=slow_rules)), text[:80]


def test_white_space_but_the_space_is_unprintable() -> None:
    # split_run_on and the fast paths tell a line without white space by str.isprintable and " "
    for c in map(chr, range(0x110000)):
        if c.isspace() and c != " ":
            assert not c.isprintable(), hex(ord(c))


def long_lines() -> list[str]:
    """Long lines as a flattened document prints them, with and without white space at its breaks."""
    rng = random.Random(7)
    parts = ["一、", "二、", "三、", "（一）", "（二）", "1.", "2.", "第一条", "第二条", "第一章", "第二章", "为了加强管理，",
             "现将有关事项通知如下：", "此告。", "实施。", "陆府通〔2019〕2号", "；", "！", "?", ":", "。", " ", "\u3000", "\t",
             "关于做好某某工作的通告", "各有关单位", "第 三 条", "第3条"]
    out = []
    for k in range(400):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(20, 80)))
        out.append(text if k % 2 else text.replace(" ", "").replace("\u3000", "").replace("\t", ""))
    return out


def test_a_long_line_without_white_space_is_cut_nowhere() -> None:
    tested = 0
    for text in long_lines() + list(inputs()):
        if text.isprintable() and " " not in text:
            tested += len(text) >= RUN_ON_MIN
            assert cut_points(text, False) == [], text
    assert tested > 200


def slow_chrome_shaped(text: str) -> bool:
    """chrome_shaped as it was before its cheap tests of one character."""
    if len(text) > C.LONG_CHROME:
        return False
    if len(text) <= C.SHORT_LINE and (
            text[0] in C.WIDGET_FIRST and C.WIDGET_LINE.fullmatch(text)
            or "分享" in text and C.SHARE_LINE.fullmatch(text)
            or ("扫" in text or "码" in text) and C.QR_PROMPT.fullmatch(text)
            or "[" in text and C.LATIN_NAV.fullmatch(text)
            or "字" in text and C.FONT_LABEL.fullmatch(text)
            or ("|" in text or "｜" in text or "│" in text) and C.is_menu(text)
            or "网" in text and C.SITE_NAME.fullmatch(text)
            or "访" in text and C.VISITOR_COUNTER.fullmatch(text)
            or ("←" in text or "→" in text or "⇐" in text or "⇒" in text or "维基" in text or "姊妹" in text)
            and C.WIKI_NAV.fullmatch(text)):
        return True
    head = text[:12]
    return bool(("：" in head or ":" in head) and (C.EDITOR_LINE.fullmatch(text) or C.BREADCRUMB_LABEL.fullmatch(text))
                or (">" in text or "»" in text or "›" in text or "＞" in text or "/" in text or "／" in text)
                and C.crumb_steps(text)
                or ("摄" in text or "图" in text) and C.CAPTION_HINT.search(text) and C.CAPTION.fullmatch(text)
                or "收录于" in text and C.COLLECTION_NOTE.fullmatch(text)
                or C.BLURB_HINT.search(text) and C.BLURB.fullmatch(text))


def blurb_edges() -> list[str]:
    """Blurbs whose words stand near the end of where BLURB looks for them, and lines like them."""
    words = ["如有侵权", "侵权请", "请联系删除", "请联系我们删除", "请联系本站删除", "联系我们删除", "联系本网删除", "转载请注明",
             "版权归原作者", "本站所载文章来源于网络", "本网内容仅供参考", "本站整理", "声明", "点击此处下载", "下载地址："]
    return ["某" * k + word + tail for word in words for k in range(54, 70) for tail in ("", "。", "，谢谢")] + [
        head + tail for tail in ("本站内容仅供参考", "以上内容仅供参考") for head in ("免责声明：", "版权声明: ", "特别声明 ：")]


def test_chrome_shaped_gives_what_it_gave() -> None:
    chrome = 0
    for text in [t for t in inputs() if t] + blurb_edges():
        chrome += C.chrome_shaped(text)
        assert C.chrome_shaped(text) == bool(slow_chrome_shaped(text)), repr(text)
    assert chrome > 300


def slow_starts_text(text: str) -> bool:
    return bool(TEXT_MARK.search(text) or ENDS_WITH_COLON.search(text)
                or any(rule.pattern.match(text) for rule in SECTION_RULES))


def test_starts_text_gives_what_it_gave() -> None:
    for text in list(inputs()) + long_lines():
        assert starts_text(text) == slow_starts_text(text), repr(text)


def test_every_section_number_starts_with_a_number_first() -> None:
    tails = {x[k:] for rule in SECTION_RULES for x in EXAMPLES.get(rule.pattern, ()) for k in (1, 2)}
    tails |= {"", "一章", "1条", "一）", "1）", "、", ".", "．", "1.", "十、", " 一 章", "三节", "二编", "十条之一", "2、"}
    # one pattern for the eight, their group names dropped (they repeat)
    anyone = re.compile(re.sub(r"\(\?P<\w+>", "(?:", "|".join(f"(?:{rule.pattern.pattern})" for rule in SECTION_RULES)))
    assert "(?P" not in anyone.pattern
    for rule in SECTION_RULES:
        for x in EXAMPLES[rule.pattern]:
            assert anyone.match(x) and anyone.match(x).end() >= rule.pattern.match(x).end() > 0
    for c in [*map(chr, range(0x10000)), "\U0001d7d8", "\U00020000"]:
        if not (c in NUMBER_FIRST or c.isdecimal()):
            assert not any(anyone.match(c + tail) for tail in tails), repr(c)


def test_footer_gate_lets_through_every_footer() -> None:
    # each example with any character first, or with up to 40 characters before it, and the lines above
    tails = {x[k:] for x in EXAMPLES[C.FOOTER_START] for k in (1, 2)}
    tails |= {"ICP备1号", "opyright 2024", "网站标识码：1", "网站地图", "隐私声明", "公网安备1号", "版权所有：某某", "情链接：",
              "办单位：某某", "作品在", "你喜欢", "件下载：", "一篇：某某", "术支持：某某", "站维护：", "设维护：", "系我们："}
    tails = {tail + "某" * 30 for tail in tails}            # longer than a heading (a heading passes by length)
    # a match starts with a character its pattern spells, or one that . or \s takes (the words after .{0,40}
    # are tried with characters before them, below, and a heading starting with white space is short)
    firsts = set(C.FOOTER_START.pattern) | {" ", "\u3000", "\t", "\U00020000"} | set(random.Random(5).choices(
        [chr(c) for c in range(0x10000)], k=3000))
    texts = [c + tail for c in firsts for tail in tails]
    texts += ["某" * k + tail for k in range(0, 45) for tail in tails]
    texts += ["【  相关报道  】  ：", "[  政策解读  ]  :", "【相关报道】"]
    texts += list(inputs())
    matched = 0
    for text in texts:
        if C.FOOTER_START.fullmatch(text):
            matched += 1
            assert C.may_start_footer(text), repr(text)
    assert matched > 1000


def test_a_line_that_cannot_hold_a_forbidden_character_holds_none() -> None:
    texts = [c + "\u3000\t正文" for c in map(chr, range(0x10000))] + list(inputs()) + ["\u3000\t", "\t\x0c", "\u3000\ufeff"]
    for text in texts:
        if not may_hold_forbidden(text):
            assert not FORBIDDEN_CHAR.search(text), repr(text)
    assert may_hold_forbidden("\u3000\x00") and not may_hold_forbidden("\u3000正文\t")
