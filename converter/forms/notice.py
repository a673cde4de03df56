"""Notice (通知 / 文件 with a 文号): the frame, a short body, and often the
document it issues (印发 / 转发 …), carried in `transmitted`."""

from __future__ import annotations

from converter.forms import frame
from converter.forms.official import parse_official
from converter.model import Context, plain

FORM = "notice"
TITLE_WORDS = ("通知", "通报", "决定", "批复", "函", "公告", "通告", "命令")


def claims(lines, head: frame.Head) -> bool:
    title = plain(head.title)
    return title.endswith(TITLE_WORDS) or head.doc_number is not None or bool(head.issuer_mark)


def parse(lines, head: frame.Head, ctx: Context) -> tuple:
    return parse_official(lines, head, FORM, ctx)
