"""The fast paths of normalise (issue 12, third wave) compute what the slow paths they bypass compute."""

from __future__ import annotations

import random
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

from converter.normalise import Normalised, normalise
from converter.normalise.furniture import FURNITURE, FURNITURE_RULES, furniture_reason, may_be_furniture
from converter.model.text import Line
from converter.normalise.lines import FORBIDDEN_CHAR, clean_as_printed, clean_line, clean_line_fully, split_lines
from converter.patterns import EXAMPLES

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Odd inputs: empty, white space of every kind, full- and half-width forms, controls, astral characters, long lines.
ODD = [
    "", " ", "\t", "\u3000", "\u00a0", "\u2028", "\x1c", "\x85", "\u200b", "\ufeff", "a", "1", "１", "٣", "𝟘", "𝟘12",
    "— 26 —", "－ １２ －", "- 3 -", "·12·", "1/3", "第 3 页", "（此页无正文）", "(此页无正文)", "2026/5/19 19:11",
    "https://www.example.gov.cn/a.html", "www.a.cn", "Https://a.cn", "（共印50份）", "共印 120 份", " 共印1份",
    "────────", "___________", "---", "★", "——★——", "- - -", "\u3000★", "\t---", "～～～", "﹏﹏﹏", "＝＝＝",
    "一、总体要求", "（一）加强", "关于印发某某办法的通知", "各乡镇人民政府：", "特此通知。", "打印", "【字号：大 中 小】",
    "|首页|政务公开|", "首页 | 政务公开 | 互动交流", "您的位置：首页 » 政务公开", "本报记者 张三 摄", "免责声明：本站内容仅供参考",
    "**加粗**正文", "正文<sup>①</sup>", "a*b", "a<b", "正文**加粗**", "正文<br/>", "## 一、", "- 列表", "> 引文", "+ 项", "#话题",
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
