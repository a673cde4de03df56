"""What a line of a site's chrome is, told by its shape and the genre's words, never by one site.

A scraped page prints, around the document, the widgets of its template
(打印 / 收藏 / 【字号：大 中 小】 …, often one word a line), share buttons, a
breadcrumb (您的位置：首页 » … ; You are here: … >> …), a site's menus
(pipe-separated, or bracketed English links of a legal database), photo
captions (… 本报记者 某某 摄), a collection note of a mirror (本作品收录于《…》),
editor lines, QR-code prompts and the blurbs of content farms. Each pattern
below matches a whole clean line.
"""

from __future__ import annotations

import re

from converter.patterns import HAN, pattern
from converter.rules import SECTION_RULES

# The words of a page's widgets: print, close, share, font size, full screen, reading aids.
WIDGET_WORDS = (
    "打印本页", "打印此页", "打印文章", "打印正文", "仅打印内容", "打印内容", "打印", "关闭窗口", "关闭本页",
    "关闭", "返回顶部", "返回首页", "返回列表", "返回", "顶部", "收藏本站", "收藏本页", "加入收藏", "收藏",
    "设为首页", "分享到", "分享", "下载", "全屏", "字号", "字体", "加大", "减小", "放大", "缩小", "还原", "默认",
    "大", "中", "小", "繁体", "简体", "繁", "简", "无障碍", "长者模式", "关怀版", "朗读", "语音播报", "播报",
    "我要纠错", "纠错", "评论", "点赞", "复制链接", "微信", "微博", "朋友圈", "QQ空间", "QQ", "扫一扫", "二维码",
    "阅读模式", "A\\+", "A-", "手机版", "English", "登录", "注册", "搜索", "繁體", "无障碍浏览", "智能问答", "网站导航",
    "导航", "首页", "请输入(?:搜索)?(?:关键[词字]|内容)", "输入(?:关键[词字]|搜索内容)", "高级检索", "检索",
)
# The separators of widget words, for counting what a widget line says
WIDGET_SEPARATORS = pattern(r"[\s\[\]【】()（）|｜/／·•:：,，、]+", "【 】")
# One widget word, the longest first
WIDGET_WORD = "|".join(sorted(WIDGET_WORDS, key=len, reverse=True))
# Brackets, bars, slashes, colons and spaces between widget words: "【字号：大 中 小】", "[打印] [关闭]"
WIDGET_SEPARATOR = r"[\s\[\]【】()（）|｜/／·•:：,，、]"
# A line of widget words only: "下载", "【字号：", "加大", "】", "[打印本页] [关闭窗口]", "分享到：微信 微博"
WIDGET_LINE = pattern(
    rf"{WIDGET_SEPARATOR}{{0,4}}(?:{WIDGET_WORD})(?:{WIDGET_SEPARATOR}{{0,4}}(?:{WIDGET_WORD})){{0,12}}"
    rf"{WIDGET_SEPARATOR}{{0,4}}|[\[\]【】|｜]{{1,3}}",
    "下载", "【字号：", "】", "[打印本页] [关闭窗口]", "字号：[大] [中] [小]", "|",
)
# A share line: "分享到：微信 微博 QQ空间 豆瓣", "【分享】"
SHARE_LINE = pattern(r"[\[【]?\s{0,2}分享(?:到|至)?\s{0,2}(?:[:：】\]]\s{0,2}[^。；，]{0,40})?", "分享到：微信 微博 豆瓣", "【分享】")
# A prompt to scan a QR code: "扫一扫在手机打开当前页", "微信扫码 关注我们"
QR_PROMPT = pattern(r"[^。；，]{0,10}(?:扫一扫|扫码|扫描二维码|二维码[^。；，]{0,4}(?:关注|分享|访问|打开|阅读|浏览))"
                    r"[^。；，]{0,30}", "扫一扫在手机打开当前页", "微信扫码 关注我们")
# An editor line of a page's foot: "（责任编辑：王明）", "编辑：王明 审核：李华" (a bare "审核：…" may be text)
EDITOR_ROLE = r"(?:责任编辑|责编|编辑|审核|审校|校对|终审|初审|复审|校核|监制)\s{0,2}[:：]"
EDITOR_LINE = pattern(
    r"[（(【\[]\s{0,2}" + EDITOR_ROLE + r"[^。；]{0,60}|(?:责任编辑|责编)\s{0,2}[:：][^。；]{0,60}"
    r"|" + EDITOR_ROLE + r"[^。；，:：]{1,20}\s{1,4}" + EDITOR_ROLE + r"[^。；]{0,60}",
    "（责任编辑：王明）", "编辑：王明 审核：李华", "责任编辑：王明",
)
# A breadcrumb with its label: "您的位置: 首页 » 政务公开 »", "当前位置：首页 > 通知公告", "You are here: A >> B"
BREADCRUMB_LABEL = pattern(
    r"(?:您的位置|你的位置|您现在的位置|您当前的位置|当前位置|所在位置|现在位置|当前页面|you are here|location)"
    r"\s{0,2}[:：](?P<path>.{0,300})",
    "您的位置: 首页 » 政务公开 »", "You are here:  A >> B", flags=re.IGNORECASE,
)
# What separates the steps of a breadcrumb path: » > >> › ＞, a slash between spaces
CRUMB_SEPARATOR = pattern(r"\s{0,3}(?:>>|»|›|>|＞)\s{0,3}|\s{1,3}[/／]\s{1,3}", " » ", " >> ", " / ")
# … its alternative of a slash between spaces: " / "
SPACED_SLASH = pattern(r"\s{1,3}[/／]\s{1,3}", " / ")
# A breadcrumb path that ends in a separator: its last step is a section too ("首页 » 法律法规 »")
OPEN_PATH = pattern(r"(?:>>|»|›|>|＞|\s[/／])\s{0,3}$", "法律法规 »")
# A step of a path names something: it holds a letter or a Han character ("1 / 3" is a page counter)
NAMED_STEP = pattern(rf"[A-Za-z{HAN}]", "首页")
# A site's home page, where a breadcrumb path starts: 首页, 网站首页, Home
HOME = pattern(r"(?:网站)?首页|主页|home", "首页", "Home", flags=re.IGNORECASE)
# Bracketed links without any Han character: "AsianLII [Home] [Databases] [Search]", "[Name Search] [Help]"
LATIN_NAV = pattern(r"(?:[A-Za-z][\w.'-]{0,30}\s{0,3})?(?:\[[^\[\]\u3400-\u9fff]{1,30}\]\s{0,3}){2,12}",
                    "AsianLII [Home] [Databases]", "[Database Search] [Name Search] [Help]")
# What separates the items of a site menu: a vertical bar
MENU_BAR = pattern(r"\s{0,3}[|｜│]\s{0,3}", " | ")
# A photo caption: "…作政府工作报告。本报记者 某某 摄", "（新华社记者 某某 摄）", "图片来源：某某网"
CAPTION = pattern(
    rf".{{0,120}}?(?:(?:记者|通讯员|摄影|特约摄影|供图)\s{{0,2}}[:：/]?|图\s{{0,2}}[:：/])\s{{0,2}}[{HAN}·]{{2,6}}"
    rf"(?:\s{{1,3}}[{HAN}·]{{2,6}}){{0,3}}\s{{0,2}}摄(?:影)?[)）]?"
    r"|[（(]?\s{0,2}(?:图片来源|图片由|资料图片|资料图)[^。；]{0,40}[)）]?",
    "县长王明作政府工作报告。本报记者 张三 摄", "（新华社记者 李四 摄）", "图片来源：某某网",
)
# A mirror's note of the collection a text stands in: "本作品收录于《某某公报/2004年/第7号", "收录于"
COLLECTION_NOTE = pattern(r"本作品收录于.{0,120}|收录于.{0,60}", "本作品收录于《某某公报/2004年", "收录于")
# A wiki mirror's navigation: "← 上一篇标题", "下一篇标题 →", "姊妹计划: 数据项"
WIKI_NAV = pattern(r"[←⇐].{0,60}|.{0,60}[→⇒]|姊妹计划\s{0,2}[:：]?.{0,40}|(?:维基百科|维基数据)(?:条目|数据项)?",
                   "← 上一篇", "下一篇 →", "姊妹计划: 数据项")
# The blurb of a content farm or a reposting site: disclaimers, "仅供参考", "如有侵权请联系删除", download links
BLURB = pattern(
    r"(?:免责声明|版权声明|特别声明)\s{0,2}[:：].{0,300}"
    r"|.{0,60}(?:如有侵权|侵权请|请联系(?:我们|本站|本网)?删除|联系(?:我们|本站|本网)删除|转载请注明|版权归原作者).{0,100}"
    r"|.{0,60}(?:本站|本网)(?:所载|内容|文章|信息|资料)?.{0,40}(?:仅供|来源于网络|来自网络|整理|转载|版权).{0,100}"
    r"|(?:点击|单击)(?:此处|这里)(?:下载|查看|阅读)[^。]{0,20}|下载地址\s{0,2}[:：][^。]{0,60}",
    "免责声明：本站内容仅供参考", "如有侵权请联系删除", "下载地址: 点击此处下载", "本站所载文章来源于网络",
)
# A visitor counter: "您是第 12345 位访问者", "访问量：12345"
VISITOR_COUNTER = pattern(r"[^。，]{0,10}(?:您是第|访问量|访问人次|访客数|总访问)\s{0,2}[:：]?\s{0,2}\d{1,12}[^。，]{0,10}",
                          "您是第 12345 位访问者")
# A site's own name on a line: "某某县人民政府门户网站", "中国某某网"
SITE_NAME = pattern(rf"[{HAN}A-Za-z]{{0,20}}(?:政府|人民|中国|省|市|县|区|部|局|委|厅)[{HAN}A-Za-z]{{0,12}}"
                    r"(?:门户网站|政府网站|官方网站|网站|政府网|政务网|信息网|门户网)",
                    "某某县人民政府门户网站", "某某省政府网")
# A font-size or font label left over in a header: "字号：[大] [中] [小]", "【字体：大 中 小】"
FONT_LABEL = pattern(r"[\[【]?\s{0,2}(?:字号|字体)\s{0,2}[:：].{0,40}", "字号：[大] [中] [小]")
# Sentence punctuation: a line holding it is text, not a menu or breadcrumb item.
SENTENCE_MARK = pattern(r"[。；！？，,;!?]", "。")
# A licence footer (本作品是…): the one footer that holds sentences.
LICENCE_START = pattern(r"本作品(?:是|在|来自).{0,200}", "本作品在全世界都属于公有领域")
# A sentence end: a site footer or a list of links holds none.
SENTENCE_END_MARK = pattern(r"[。！？]", "。")
# Where a site's footer, a licence footer or a list of related links begins: all from here on is chrome.
FOOTER_START = pattern(
    r"(?:链接|友情链接|相关链接|主办单位|承办单位|主办|版权所有|备案|网站标识码|联系我们)\s{0,2}[:：].{0,200}"
    r"|(?:技术支持|网站维护|建设维护)\s{0,2}[:：].{0,100}"
    r"|本作品(?:是|在|来自).{0,200}|.{0,40}(?:版权所有|[Cc]opyright|ICP备|公网安备|网站标识码|隐私声明|网站地图).{0,200}"
    r"|[【\[]?\s{0,2}(?:相关|关联|推荐|热门|延伸|更多|精彩|政策|文件|图文|视频)(?:报道|链接|文章|阅读|新闻|资讯|推荐|内容|附件"
    r"|文件|政策|解读|稿件|信息|专题|视频|图片|下载)\s{0,2}[】\]]?\s{0,2}[:：]?"
    r"|猜你喜欢|附件下载\s{0,2}[:：]?|(?:上一篇|下一篇)\s{0,2}[:：]?.{0,80}",
    "主办单位：某区人民政府办公室", "本作品在全世界都属于公有领域", "鄂ICP备12345678号", "相关报道：", "上一篇：某某通知",
    "相关稿件", "关联文件：", "【相关解读】", "政策解读：",
)
# What a line FOOTER_START matches starts with, or holds: the first characters of its alternatives that
# start with a word (主办单位：, 技术支持：, 本作品…, 猜你喜欢, 附件下载, 上一篇 …); the words that the
# alternative after .{0,40} holds (版权所有, Copyright, ICP备 …; 网站 of 网站标识码 and 网站地图); and the
# bracketed headings of related links are 13 characters at most ("【 相关报道 】：")
FOOTER_FIRST = frozenset("链友相主承版备网联技建本猜附上下")
FOOTER_HEADING_MAX = 13


def may_start_footer(text: str) -> bool:
    """False when FOOTER_START cannot match the whole line (most lines): told by str methods."""
    return (len(text) <= FOOTER_HEADING_MAX or text[:1] in FOOTER_FIRST or "版权所有" in text or "opyright" in text
            or "ICP备" in text or "公网安备" in text or "网站" in text or "隐私声明" in text)

# A link to a file the page offers for download: "附件：某某任务清单.doc", "附件2：某某表.xlsx", "某某名录.pdf"
FILE_LINK = pattern(r"(?:附\s{0,2}件\s{0,2}[0-9０-９一二三四五六七八九十]{0,3}\s{0,2}[:：]?\s{0,3})?"
                    r"[^。；，]{1,100}\.(?:docx?|pdf|xlsx?|wps|et|ofd|zip|rar|7z|txt|jpe?g|png|ceb|caj)"
                    r"(?:\s{0,3}[(（]\s{0,2}[0-9.]{1,8}\s{0,2}[KkMm]?B?\s{0,2}[)）])?",
                    "附件：某某任务清单.doc", "某某名录.pdf", "附件2：某某表.xlsx（25KB）", flags=re.IGNORECASE)
# The label of a page's list of files, alone on its line: "附件：", "附件"
FILE_LIST_LABEL = pattern(r"附\s{0,2}件\s{0,2}[:：]?", "附件：")
# Line length above which a line is never a widget, menu or breadcrumb (only captions and blurbs are longer),
# and above which it is no chrome at all.
SHORT_LINE = 60
LONG_CHROME = 320
# What a caption or a blurb holds (the cheap tests before their patterns): "…摄", "图片来源", "仅供参考" …
# (every alternative of CAPTION_HINT holds 摄 or 图, which chrome_shaped looks for first)
CAPTION_HINT = pattern(r"摄[)）]?$|摄影$|图片|资料图", "本报记者 张三 摄")
BLURB_HINT = pattern(r"声明|侵权|删除|转载|版权归|本站|本网|点击|单击|下载地址", "免责声明")
# Where a blurb's hint ends at the latest: BLURB's alternatives start with 免责声明, 点击, 下载地址 …, or
# hold their words after at most 60 characters (.{0,60}), the last hint of which, 删除 of 请联系我们删除,
# ends at 60 + 7; each hint holds one of 声侵删载权站网击
BLURB_HINT_END = 67
# Every character that a test of chrome_shaped but the widget line's asks for before its pattern (分享's
# 享, 扫, 码, the bars, 网, 访, [, 字, the arrows, 维基's 基, 姊妹's 姊, the colons, the crumb separators,
# 摄, 图, 收录于's 录, the blurb hints' 声侵删载权站网击): a line holding none is no other chrome
CHROME_CHAR = pattern(r"[享扫码|｜│网访\[字←→⇐⇒基姊：:>»›＞/／摄图录声侵删载权站击]", "分享", "首页 | 政务公开")
# The characters a widget line starts with.
WIDGET_FIRST = frozenset(word[0] for word in WIDGET_WORDS) | frozenset(" \t[]【】()（）|｜/／·•:：,，、\u3000")
# The longest item of a site menu and of a breadcrumb step before the last.
MENU_ITEM_MAX = 12
CRUMB_STEP_MAX = 20
# A site menu has at least this many items.
MENU_ITEMS_MIN = 3


def is_chrome_line(text: str) -> bool:
    """Whether a whole clean line is a site's chrome; a line that starts with a section number never is."""
    return chrome_shaped(text) and not starts_numbered(text)


def starts_numbered(text: str) -> bool:
    """Whether a line starts with a section number (一、, （一）, 第一条 …): no chrome line does."""
    return any(rule.pattern.match(text) for rule in SECTION_RULES)


def lone_widget(text: str) -> bool:
    """A widget line of one character (大, 中, 小): chrome only beside other widget lines (a table cell may read so)."""
    return len(WIDGET_SEPARATORS.sub("", text)) == 1


def chrome_shaped(text: str) -> bool:
    """Whether a whole clean line has the shape of chrome. Cheap tests first (the line's length,
    a text each pattern needs, a character of it first): most lines are text.
    """
    if len(text) > LONG_CHROME:
        return False
    if not CHROME_CHAR.search(text):        # one search for the thirty tests below: a widget line is left
        return (len(text) <= SHORT_LINE and "。" not in text and text[0] in WIDGET_FIRST
                and bool(WIDGET_LINE.fullmatch(text)))
    if len(text) <= SHORT_LINE and (
            # none of these six holds a full stop (each pattern's classes exclude 。, is_menu's items too)
            "。" not in text and (
                text[0] in WIDGET_FIRST and WIDGET_LINE.fullmatch(text)
                or "享" in text and "分享" in text and SHARE_LINE.fullmatch(text)
                or ("扫" in text or "码" in text) and QR_PROMPT.fullmatch(text)
                or ("|" in text or "｜" in text or "│" in text) and is_menu(text)
                or "网" in text and SITE_NAME.fullmatch(text)
                or "访" in text and VISITOR_COUNTER.fullmatch(text))
            or "[" in text and LATIN_NAV.fullmatch(text)
            or "字" in text and FONT_LABEL.fullmatch(text)
            or ("←" in text or "→" in text or "⇐" in text or "⇒" in text or "基" in text and "维基" in text
                or "姊" in text and "姊妹" in text) and WIKI_NAV.fullmatch(text)):
        return True
    head = text[:12]
    return bool(("：" in head or ":" in head) and (EDITOR_LINE.fullmatch(text) or BREADCRUMB_LABEL.fullmatch(text))
                or (">" in text or "»" in text or "›" in text or "＞" in text or "/" in text or "／" in text)
                and crumb_steps(text)
                or ("摄" in text or "图" in text) and CAPTION_HINT.search(text) and CAPTION.fullmatch(text)
                or "录" in text and "收录于" in text and COLLECTION_NOTE.fullmatch(text)
                # a character of each hint first, and the hint where BLURB would hold it
                or ("声" in text or "侵" in text or "删" in text or "载" in text or "权" in text or "站" in text
                    or "网" in text or "击" in text) and BLURB_HINT.search(text, 0, BLURB_HINT_END)
                and BLURB.fullmatch(text))


def is_menu(text: str) -> bool:
    """A site menu: three or more short items between vertical bars ("首页 | 政务公开 | 互动交流").

    A markdown table row starts with its bar and a data row holds numbers, so neither is a menu.
    """
    if text.startswith(("|", "｜")) or "\t" in text:
        return False
    items = MENU_BAR.split(text)
    if len(items) < MENU_ITEMS_MIN or not all(0 < len(item) <= MENU_ITEM_MAX for item in items):
        return False
    return not any(SENTENCE_MARK.search(item) for item in items) and sum(item.isdigit() for item in items) <= 1


def crumb_steps(text: str) -> list[str]:
    """The steps of a breadcrumb path ("首页 » 政务公开 » 通知公告"), or [] when the line is none.

    Every step but the last is short and holds no sentence; the path starts at
    a home page or has three steps at least. A labelled breadcrumb
    ("您的位置：…") gives the steps after its label. The last step names the
    page itself; a path ending in a separator names none (its last step is "").
    """
    label = BREADCRUMB_LABEL.fullmatch(text)
    path = label.group("path") if label else text
    # (CRUMB_SEPARATOR's white space may be none, so a path holding » › > or ＞ holds a separator; without
    # one only its spaced slash may match, which SPACED_SLASH finds from a white space, not at each character)
    if not ("»" in path or "›" in path or ">" in path or "＞" in path or SPACED_SLASH.search(path)):
        return []
    steps = [step for step in (part.strip() for part in CRUMB_SEPARATOR.split(path)) if step]
    if not steps or any(len(step) > CRUMB_STEP_MAX or SENTENCE_MARK.search(step) for step in steps[:-1]):
        return []
    if not all(NAMED_STEP.search(step) for step in steps):
        return []
    if OPEN_PATH.search(path):
        steps.append("")                    # no current page named: every step is a section
    if label:
        return steps
    if (HOME.fullmatch(steps[0]) or len(steps) >= 3) and not SENTENCE_MARK.search(steps[-1]):
        return steps
    return []
