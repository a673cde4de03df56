"""Web-page input: a report scraped from a government site.

The page's chrome — 发布时间/信息来源 above the text, 链接, 主办单位, 备案证编号,
网站地图, 扫一扫, 打印本页, 关闭窗口 … below it — is not part of the document:
it goes to residue as `web-chrome`. A scraped page has no pages, so no
page-break repair is done on it unless page furniture shows it was printed.
"""

from __future__ import annotations

import re

from converter.normalise import Line, Normalised, take_out
from converter.rules import SECTION_RULES

# A header line of a page: "发布时间:2021-01-21 11:16 作者: 信息来源: …", "来源：中国政府网 字号：[大] [中] [小]"
CHROME_LINE = re.compile(
    r"(?:发布(?:时间|日期)|信息来源|来源|作者|字号|浏览(?:次数|量)|点击(?:数|量)|阅读(?:次数|量)|【?字体)"
    r"\s{0,2}[:：].{0,200}"
)
# A line of site furniture anywhere: "打印] 仅打印内容", "【打印本页】", "[关闭窗口]", a lone bracket
CHROME_WORDS = re.compile(
    r"[\[【]?\s{0,2}(?:打印(?:本页)?|关闭(?:窗口|本页)?|收藏本站|网站地图|扫一扫.{0,20}|分享到.{0,40}|返回顶部)"
    r"\s{0,2}[\]】]?.{0,20}|[\[\]【】]"
)
# Where a site footer or a licence footer begins: everything from here to the end is chrome.
FOOTER_START = re.compile(
    r"(?:链接|友情链接|相关链接|主办单位|承办单位|主办|版权所有|备案|网站标识码|联系我们)\s{0,2}[:：].{0,200}"
    r"|本作品(?:是|在|来自).{0,200}|.{0,40}(?:版权所有|ICP备|公网安备|网站标识码|隐私声明|网站地图).{0,200}"
)
# The longest footer taken as chrome, in lines; a longer tail is more likely text.
FOOTER_MAX_LINES = 80


def footer_start(lines: tuple[Line, ...]) -> int | None:
    """Index of the first line of a trailing site footer, if there is one."""
    for i, line in enumerate(lines):
        if FOOTER_START.fullmatch(line.text):
            tail = lines[i:]
            if len(tail) <= FOOTER_MAX_LINES and not any(
                    r.pattern.match(l.text) for l in tail for r in SECTION_RULES[:4]):
                return i
    return None


def strip_chrome(page: Normalised) -> tuple[Normalised, bool]:
    """Take web chrome out of the lines; report whether there was any."""
    drop: dict[int, str] = {}
    for line in page.lines:
        if CHROME_LINE.fullmatch(line.text) or CHROME_WORDS.fullmatch(line.text):
            drop[line.n] = "web-chrome"
    start = footer_start(page.lines)
    if start is not None:
        for line in page.lines[start:]:
            drop[line.n] = "web-chrome"
    if not drop:
        return page, False
    lines, removed = take_out(page.lines, drop)
    return Normalised(lines, page.residue + tuple(removed), page.line_count,
                      page.page_furniture), True
