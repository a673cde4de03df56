"""A page filter for scraped web pages: the site's chrome is not part of the document.

发布时间/信息来源 above the text, 链接, 主办单位, 备案证编号, 网站地图,
扫一扫, 打印本页, 关闭窗口 … below it: each such line goes to residue as
`web-chrome`. A scraped page has no pages, so no page-break repair is done
on it unless page furniture shows it was printed (`Normalised.repair`).
"""

from __future__ import annotations

from converter.model.text import Line
from converter.normalise.page import Normalised, take_out
from converter.patterns import pattern
from converter.rules import SECTION_RULES

# A header line of a page: "发布时间:2021-01-21 11:16 作者: 信息来源: …", "来源：中国政府网 字号：[大] [中] [小]"
CHROME_LINE = pattern(
    r"(?:发布(?:时间|日期)|信息来源|来源|作者|字号|浏览(?:次数|量)|点击(?:数|量)|阅读(?:次数|量)|【?字体)"
    r"\s{0,2}[:：].{0,200}",
    "发布时间:2021-01-21 11:16 作者: 信息来源: 区政府办", "来源：中国政府网 字号：[大] [中] [小]",
)
# A line of site furniture anywhere: "打印] 仅打印内容", "【打印本页】", "[关闭窗口]", a lone bracket
CHROME_WORDS = pattern(
    r"[\[【]?\s{0,2}(?:打印(?:本页)?|关闭(?:窗口|本页)?|收藏本站|网站地图|扫一扫.{0,20}|分享到.{0,40}|返回顶部)"
    r"\s{0,2}[\]】]?.{0,20}|[\[\]【】]",
    "打印] 仅打印内容", "【打印本页】", "[关闭窗口]", "】",
)
# Where a site footer or a licence footer begins: everything from here to the end is chrome.
FOOTER_START = pattern(
    r"(?:链接|友情链接|相关链接|主办单位|承办单位|主办|版权所有|备案|网站标识码|联系我们)\s{0,2}[:：].{0,200}"
    r"|本作品(?:是|在|来自).{0,200}|.{0,40}(?:版权所有|ICP备|公网安备|网站标识码|隐私声明|网站地图).{0,200}",
    "主办单位：某区人民政府办公室", "本作品在全世界都属于公有领域", "鄂ICP备12345678号",
)
# The longest footer taken as chrome, in lines; a longer tail is more likely text.
FOOTER_MAX_LINES = 80
# A footer holds no numbered heading of these kinds (chapters, articles, （一）, （1）).
FOOTER_FORBIDS = SECTION_RULES[:4]


def footer_start(lines: tuple[Line, ...]) -> int | None:
    """Index of the first line of a trailing site footer, if there is one."""
    for i, line in enumerate(lines):
        if FOOTER_START.fullmatch(line.text):
            tail = lines[i:]
            if len(tail) <= FOOTER_MAX_LINES and not any(
                    rule.pattern.match(later.text) for later in tail for rule in FOOTER_FORBIDS):
                return i
    return None


def strip_chrome(page: Normalised) -> Normalised:
    """Take web chrome out of the lines; the page records whether there was any."""
    drop: dict[int, str] = {}
    for line in page.lines:
        if CHROME_LINE.fullmatch(line.text) or CHROME_WORDS.fullmatch(line.text):
            drop[line.n] = "web-chrome"
    start = footer_start(page.lines)
    if start is not None:
        for line in page.lines[start:]:
            drop[line.n] = "web-chrome"
    return take_out(page, drop, web_chrome=True) if drop else page
