"""One transform module per document form.

Each module has `FORM`, `claims(lines, head)` and `parse(lines, head, repair,
parse_document)`. `FORMS` is the order in which they are asked to claim a
document: the first that claims it parses it; `unknown` claims everything.
"""

from converter.forms import notice, plan, regulation, roster, unknown, work_report

FORMS = (work_report, plan, regulation, roster, notice, unknown)
