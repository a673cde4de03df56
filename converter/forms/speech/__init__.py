"""The parts of a speech delivered at a meeting: a work report (政府工作报告) or a 讲话.

    head.py      title, occasion (——…在…会议上), speaker, salutation (各位代表：), in any
                 printed layout, with a page's lines around them set aside
    speaker.py   the speaker: role words and names, on one line or two
    parts.py     what follows the head: part headings without numerals, the 附件 after
                 the report, the glossary (名词解释, 注释) wherever it stands
"""
