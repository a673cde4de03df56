"""The document forms, one module each, and the registry that orders them.

Each module registers its form with its place in the order; the first form
that claims a document parses it (`unknown` claims everything). The order,
as registered:

    bulletin       a whole 政府公报 issue (whole files only)
    speech         讲话 致辞 发言: read as a work report is (forms/speech/)
    work-report    政府工作报告: occasion, speaker, 各位代表, glossary
    order          命令 令, or a 令第N号 at the top (whatever the title above it):
                   signed by a person, promulgates a text
    plan           方案 计划 规划 要点 措施                             (titled.py: data)
    regulation     办法 规定 条例 细则 规则 章程 守则 规范 准则 制度, a 题注  (titled.py)
    opinion announcement public-notice circular report request
                   意见 公告 通告 通报 报告 请示                            (titled.py)
    roster         名单
    reply          批复, and the 请示 it answers
    letter         函, and the 函 a 复函 answers
    resolution     决议, and its adoption line
    decision       决定, and a 修改决定's amendments
    minutes        纪要: its 期号, a dateline, 出席 / 列席
    communique     公报 (not a 政府公报): a dateline under the title
    motion         议案: signed by a person
    notice         通知, or a 文号 / 发文机关标志
    unknown        anything else

A title's word is found before a bracketed note (（试行） （草案）); a title that
names no form leaves it to the words the body names itself by (forms/naming.py).
"""

from __future__ import annotations

import functools

from converter.forms import (bulletin, communique, decision, letter, minutes, motion, notice, order, reply, resolution,
                             roster, titled, unknown, work_report)
from converter.forms.registry import Form, Registry

# Each module's register() places its form; a module may only name forms registered before it.
MODULES = (unknown, notice, roster, reply, letter, resolution, decision, minutes, communique, motion, titled, work_report,
           bulletin, order)


@functools.cache
def registry() -> Registry:
    """The forms of this gongwen, in the order they claim documents."""
    forms = Registry()
    for module in MODULES:
        module.register(forms)
    return forms


__all__ = ["Form", "Registry", "registry"]
