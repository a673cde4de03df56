"""The document forms, one module each, and the registry that orders them.

Each module registers its form with its place in the order; the first form
that claims a document parses it (`unknown` claims everything). The order,
as registered:

    bulletin     a whole 政府公报 issue (whole files only)
    speech       讲话 致辞 发言: read as a work report is (forms/speech/)
    work-report  政府工作报告: occasion, speaker, 各位代表, glossary
    plan         方案 意见 计划 规划 要点                 (titled.py: data)
    regulation   办法 规定 条例 细则 规则 章程 规范 准则   (titled.py: data)
    roster       名单
    reply        批复
    notice       通知 通报 决定 函 公告 通告 命令, or a 文号 / 发文机关标志
    unknown      anything else
"""

from __future__ import annotations

import functools

from converter.forms import bulletin, notice, reply, roster, titled, unknown, work_report
from converter.forms.registry import Form, Registry

# Each module's register() places its form; a module may only name forms registered before it.
MODULES = (unknown, notice, reply, roster, titled, work_report, bulletin)


@functools.cache
def registry() -> Registry:
    """The forms of this gongwen, in the order they claim documents."""
    forms = Registry()
    for module in MODULES:
        module.register(forms)
    return forms


__all__ = ["Form", "Registry", "registry"]
