"""The fast paths of normalise over web chrome (toolbars, menus, cells, generic fields, page heads) compute what
the paths they bypass compute."""

from __future__ import annotations

import random
import re
from functools import lru_cache
from typing import Sequence

from converter.model.text import Line
from converter.normalise import catalogue as K
from converter.normalise import pagehead as P
from converter.normalise import webchrome as W
from converter.normalise.chrome_lines import FOOTER_START, LICENCE_START, SENTENCE_END_MARK, SENTENCE_MARK, WIDGET_LINE
from converter.normalise.headers import title_key
from converter.normalise.lines import LEADING_SPACE, SPACE_BUT_TAB, TRAILING_SPACE
from converter.normalise.region import head_end, starts_text
from tests.fast_paths.test_normalise_lines import inputs


def slow_buttons_in_toolbars(lines: Sequence[Line], drop: dict[int, str]) -> list[int]:
    """buttons_in_toolbars as it was: every line tried."""
    found = []
    for i in range(1, len(lines) - 1):
        text = lines[i].text
        if (i not in drop and len(text) <= W.BUTTON_MAX and not SENTENCE_MARK.search(text)
                and WIDGET_LINE.fullmatch(lines[i - 1].text) and WIDGET_LINE.fullmatch(lines[i + 1].text)):
            found.append(i)
    return found


def slow_menus_between_chrome(lines: Sequence[Line], drop: dict[int, str]) -> list[int]:
    """menus_between_chrome as it was: a walk over every line."""
    found: list[int] = []
    i = 1
    while i < len(lines):
        if i in drop or (i - 1) not in drop:
            i += 1
            continue
        end = i
        while end < len(lines) and end not in drop and W.menu_item(lines[end].text) and end - i < W.MENU_RUN_MAX:
            end += 1
        if end > i and end in drop:
            found.extend(range(i, end))
        i = end + 1
    return found


# Lines a page of chrome is made of: widgets, menu items, organ names, titles, text, numbers, empty cells.
CHROME_PAGE = ["打印", "关闭", "听新闻", "收藏", "大", "中", "小", "【字号：大 中 小】", "首页", "政务公开", "互动交流",
               "某某县人民政府", "关于印发某某办法的通知", "各乡镇人民政府：", "现将有关事项通知如下。", "12", "一、总体要求",
               "分享到：微信 微博", "走进某某", "某某县人民政府办公室", "[打印本页] [关闭窗口]", "下载", "通知公告", "。"]


def random_pages(count: int, seed: int) -> list[tuple[list[Line], dict[int, str]]]:
    """Pages of random chrome-like lines, and random sets of lines taken as chrome (runs of them too)."""
    rng = random.Random(seed)
    pool = CHROME_PAGE + [text for text in inputs() if len(text) <= 24][:400]
    pages = []
    for _ in range(count):
        lines = [Line(n, None, rng.choice(pool)) for n in range(1, rng.randint(0, 40) + 1)]
        share = rng.random()
        drop = {i: "web-chrome" for i in range(len(lines)) if rng.random() < share}
        pages.append((lines, drop))
    return pages


def test_toolbar_buttons_are_those_of_the_walk_over_every_line() -> None:
    found = 0
    for lines, drop in random_pages(3000, 41):
        fast = W.buttons_in_toolbars(lines, drop)
        assert fast == slow_buttons_in_toolbars(lines, drop), ([line.text for line in lines], drop)
        found += bool(fast)
    assert found > 20


def test_menus_between_chrome_are_those_of_the_walk_over_every_line() -> None:
    found = 0
    for lines, drop in random_pages(3000, 42):
        fast = W.menus_between_chrome(lines, drop)
        assert fast == slow_menus_between_chrome(lines, drop), ([line.text for line in lines], drop)
        found += bool(fast)
    assert found > 100


def test_space_but_tab_is_the_white_space_of_the_patterns_but_the_tab() -> None:
    every = [chr(c) for c in range(0x110000) if chr(c).isspace() or re.match(r"\s", chr(c))]
    assert sorted(SPACE_BUT_TAB) == sorted(c for c in every if c != "\t")
    assert len(set(SPACE_BUT_TAB)) == len(SPACE_BUT_TAB)


def test_cells_stripped_by_str_methods_as_by_the_patterns() -> None:
    rng = random.Random(43)
    alphabet = SPACE_BUT_TAB + "\t\t\t正文a1"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    texts += list(inputs()) + [c + "\t" + c for c in SPACE_BUT_TAB] + ["", "\t", "\n", "a\n", " \n", "\t\n", "a \nb\n"]
    for text in texts:
        assert text.rstrip(SPACE_BUT_TAB) == TRAILING_SPACE.sub("", text), repr(text)
        assert text.lstrip(SPACE_BUT_TAB) == LEADING_SPACE.sub("", text), repr(text)


def test_generic_gate_lets_through_every_generic_field() -> None:
    rng = random.Random(44)
    nouns = list(K.FIELD_NOUNS)
    pieces = nouns + ["信", "息", "公文", "某" * 6, " ", "\u3000", "\t", ":", "：", "𠀀", "a", "【", "|"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(30000)]
    texts += ["某" * k + noun + " " * s + colon for k in range(0, 8) for noun in nouns for s in range(0, 4)
              for colon in (":", "：")]
    texts += list(inputs())
    matched = 0
    for text in texts:
        for at in range(0, min(len(text), 4) + 1):
            if K.GENERIC_START.match(text, at):
                matched += 1
                assert K.may_start_generic(text, at), (text, at)
    assert matched > 1000


def slow_repeated_start(lines: Sequence[Line], end: int, drop: dict[int, str]) -> None:
    """repeated_start as it was: no memo, no early return."""
    titles = {title_key(lines[i].text) for i in range(end) if P.title_like(lines[i].text)}
    titles = {key for key in titles if len(key) >= P.TITLE_KEY_MIN}
    starts = [title_key(lines[k].text) for k in range(end, min(end + 3, len(lines)))
              if P.date_of(lines[k].text) is None and not P.is_organ(lines[k].text)]
    starts = [key for key in starts if len(key) >= P.TITLE_MIN]
    for k in range(max(end + 1, len(lines) - P.FOOT_LINES), len(lines) - 1):
        if P.title_like(lines[k].text) and title_key(lines[k].text) in titles:
            following = title_key(lines[k + 1].text)
            if len(following) >= P.TITLE_MIN and any(s.startswith(following) or following.startswith(s) for s in starts):
                drop[k] = drop[k + 1] = "web-chrome"


# Lines a web page's head and foot are made of: titles, titles with a site's name, organs, dates, text.
HEAD_PAGE = ["关于印发某某办法的通知", "关于印发某某办法的通知_某某县人民政府网", "某某县人民政府", "2024年3月5日",
             "2024-03-05", "各乡镇人民政府：", "现将有关事项通知如下。", "为了加强管理，制定本办法。", "某某县人民政府办公室",
             "关于做好某某工作的通知", "某某县人民政府门户网站 关于做好某某工作的通知", "政策文件", "某府发〔2024〕3号",
             "1994年政府工作报告", "1995年政府工作报告", "附件", "", "。"]


def test_page_head_with_its_memo_drops_what_it_dropped() -> None:
    rng = random.Random(45)
    dropped = 0
    for _ in range(3000):
        lines = [Line(n, None, rng.choice(HEAD_PAGE) or "正文") for n in range(1, rng.randint(2, 30) + 1)]
        end = head_end(lines)
        fast: dict[int, str] = {}
        slow: dict[int, str] = {}
        key, like = lru_cache(maxsize=None)(title_key), lru_cache(maxsize=None)(P.title_like)
        for step in (P.title_copies, P.titles_around):
            step(lines, end, fast, key, like)
            step(lines, end, slow)
        P.repeated_start(lines, end, fast, key, like)
        slow_repeated_start(lines, end, slow)
        assert fast == slow, [line.text for line in lines]
        dropped += bool(slow)
    assert dropped > 100


def slow_footer_start(lines: Sequence[Line], drop: dict[int, str]) -> int | None:
    """footer_start as it was: the first line of text found first, over every line, then the candidates."""
    first_text = next((i for i, line in enumerate(lines) if i not in drop and starts_text(line.text)), None)
    if first_text is None:
        return None
    for i in range(max(first_text + 1, len(lines) - W.FOOTER_MAX_LINES), len(lines)):
        if i in drop or not FOOTER_START.fullmatch(lines[i].text):
            continue
        tail = [later for k, later in enumerate(lines[i:], start=i) if k not in drop]
        if any(rule.pattern.match(later.text) for later in tail for rule in W.FOOTER_FORBIDS):
            continue
        if LICENCE_START.fullmatch(lines[i].text) or not any(SENTENCE_END_MARK.search(later.text) for later in tail):
            return i
    return None


# Lines a page's end is made of: footers, links, licences, text, numbered headings, table rows, chrome.
FOOT_PAGE = ["主办单位：某某县人民政府办公室", "网站标识码：3300000001", "某ICP备05001234号", "相关链接：", "上一篇：某某通知",
             "版权所有：某某县人民政府", "本作品在全世界都属于公有领域", "联系我们：0571-1234567", "现将有关事项通知如下。",
             "各乡镇人民政府：", "一、总体要求", "第一条　为了加强管理，制定本办法。", "（一）指导思想", "1\t某某服务站\t某某路1号",
             "序号\t名称\t地址", "打印", "关闭", "某某县人民政府办公室", "2024年3月5日", "附件下载：", "猜你喜欢", ""]


def test_footer_start_with_its_candidates_first_is_what_it_was() -> None:
    rng = random.Random(46)
    found = none = 0
    for _ in range(3000):
        size = rng.choice([rng.randint(0, 30), rng.randint(70, 200)])      # (shorter and longer than the window)
        text_share, share = rng.random(), rng.random() * 0.3
        lines = [Line(n, None, rng.choice(FOOT_PAGE) if rng.random() < text_share else f"{n}\t第{n}号站\t{n}号")
                 for n in range(1, size + 1)]
        drop = {i: "web-chrome" for i in range(len(lines)) if rng.random() < share}
        fast = W.footer_start(lines, drop)
        assert fast == slow_footer_start(lines, drop), ([line.text for line in lines], drop)
        found += fast is not None
        none += fast is None and any(FOOTER_START.fullmatch(line.text) for line in lines[-W.FOOTER_MAX_LINES:])
    assert found > 300 and none > 100       # (pages with a footer, and pages whose candidates are no footer)
