"""Work report (政府工作报告) and speech (讲话): delivered at a meeting, printed with the same parts.

    政府工作报告                              title (…报告; a speech: …讲话, …致辞)
    ——2022年12月27日在新洲区第六届            the occasion, possibly wrapped
    人民代表大会第三次会议上
    区 长 刘润长                              the speaker; role and name
    各位代表：                                the salutation
    “十四五”时期工作回顾                       part headings, sections by their real numbering
    一、…
    附件 / 2026年民生实事 …                    attachments
    名 词 解 释 …                             glossary

A speech is its own form, not a work report: a 讲话 is not a 政府工作报告, and
whoever selects the work reports of an archive must not get every speech with
them. Both are read alike (forms/speech/), so the two forms share one parse and
differ only in what the title or the occasion says is delivered.
"""

from __future__ import annotations

from converter.forms.registry import Form, Registry
from converter.forms.speech.head import SpeechHead, find_head
from converter.forms.speech.title import SPEECH_WORDS
from converter.forms.speech.parts import RENDERS, RULES, parse_rest
from converter.frame.foot import parse_tail
from converter.frame.head import Head
from converter.model.context import Context
from converter.model.document import Document
from converter.model.text import Lines

# The reason the lines of a page around a speech's head go to residue under.
SET_ASIDE = "other"
# The name the speech head is kept under among a head's readings.
SPEECH_HEAD = "speech-head"


def head_of(lines: Lines, head: Head) -> SpeechHead | None:
    """The speech's head, when the lines begin with one (and not with a 文号 or 发文机关标志)."""
    if head.doc_number is not None or head.issuer_mark:
        return None
    found = speech_head(lines, head)
    return found if found.found else None


def speech_head(lines: Lines, head: Head) -> SpeechHead:
    """find_head(lines), read once for a document's lines: the speech's and the report's claims and the
    parse all ask for it (find_head is a pure function of the lines, and nothing changes what it returns)."""
    if head.lines is not lines:
        return find_head(lines)
    found = head.readings.get(SPEECH_HEAD)
    if found is None:
        found = head.readings[SPEECH_HEAD] = find_head(lines)
    return found


def claims_report(form: Form, lines: Lines, head: Head) -> bool:
    found = head_of(lines, head)
    return found is not None and found.spoken not in SPEECH_WORDS


def claims_speech(form: Form, lines: Lines, head: Head) -> bool:
    found = head_of(lines, head)
    return found is not None and found.spoken in SPEECH_WORDS


def parse(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    found = speech_head(lines, head)
    doc = Document(form.name, lines[found.first].n)
    if found.set_aside:
        count = len({span.line.n for span in found.set_aside})
        ctx.warn(found.set_aside[0].line.n, f"{count} line(s) among the title, occasion and speaker are none "
                                            f"of them (a page's lines); taken out of the reading text")
        for span in found.set_aside:
            ctx.remove(SET_ASIDE, span.line.n, span.text)
    if found.date_apart is not None:
        ctx.warn(found.date_apart.n, "the occasion's date stands below the speaker; taken as the occasion's date, "
                                     "its line out of the reading text")
        ctx.remove(SET_ASIDE, found.date_apart.n, found.date_apart.text)
    doc.title, doc.delivered, doc.author, doc.salutation = found.title, found.delivered, found.author, found.salutation
    cc, printer, end = parse_tail(lines, found.end)
    rest = parse_rest(lines[found.end:end], ctx)
    doc.body, doc.attachments, doc.glossary = rest.body, rest.attachments, rest.glossary
    doc.cc, doc.printer = cc, printer
    return doc


FORM = Form("work-report", parse, claims_report, rules=RULES, renders=RENDERS)
SPEECH = Form("speech", parse, claims_speech, rules=RULES)


def register(forms: Registry) -> None:
    forms.add(FORM, before="plan")
    forms.add(SPEECH, before="work-report")
