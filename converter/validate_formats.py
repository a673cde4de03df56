"""`gongwen validate` results for people, scripts and CI systems.

text   FILE:LINE:COL: message, one line per problem (the compilers' style, so
       editors and CI annotate it)
json   an array, one object per file: file, valid, problems[line, column, kind, message]
junit  JUnit XML: one testcase per file with its time, a failure (invalid, not
       well-formed, unsafe) or an error (unreadable) for each bad one; the
       suite has its timestamp and total time

File names and messages are escaped by converter.escaping in every format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from converter.escaping import escape
from converter.validation import Checked, Problem

FORMATS = ("text", "json", "junit")
SUITE = "gongwen validate"


@dataclass(frozen=True, eq=False, repr=False)
class Run:
    """A whole `gongwen validate`: its files, when it started, how long it took."""

    files: list[Checked]
    started: datetime
    seconds: float


def one_line(text: str) -> str:
    return escape(" ".join(text.split()))


def problem_lines(checked: Checked) -> str:
    return "".join(f"{escape(str(checked.path))}:{p.line}:{p.column}: {one_line(p.message)}\n"
                   for p in checked.problems)


def as_text(run: Run) -> str:
    return "".join(problem_lines(checked) for checked in run.files)


def as_json(run: Run) -> str:
    import json     # here, not at the top: only --format json needs it (start-up time is measured)

    records = [
        {"file": escape(str(checked.path)), "valid": not checked.problems,
         "problems": [{"line": p.line, "column": p.column, "kind": p.kind, "message": one_line(p.message)}
                      for p in checked.problems]}
        for checked in run.files
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def as_junit(run: Run) -> str:
    errors = sum(1 for checked in run.files if checked.problems and is_error(checked.problems))
    failures = sum(1 for checked in run.files if checked.problems and not is_error(checked.problems))
    counts: dict[str | bytes | etree.QName, str] = {"tests": str(len(run.files)), "failures": str(failures), "errors": str(errors), "skipped": "0",
              "time": seconds_text(run.seconds)}
    attributes: dict[str | bytes | etree.QName, str] = {"name": SUITE, **counts}
    suites = etree.Element("testsuites", attributes)
    suite = etree.SubElement(suites, "testsuite", {**attributes, "timestamp": run.started.isoformat(timespec="seconds")})
    for checked in run.files:
        name = escape(str(checked.path))
        case = etree.SubElement(suite, "testcase", classname="gongwen.validate", name=name, file=name,
                                time=seconds_text(checked.seconds))
        if checked.problems:
            first = checked.problems[0]
            outcome = etree.SubElement(case, "error" if is_error(checked.problems) else "failure",
                                       message=one_line(first.message), type=first.kind)
            outcome.text = problem_lines(checked)
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def seconds_text(seconds: float) -> str:
    return f"{seconds:.3f}"


def is_error(found: list[Problem]) -> bool:
    """JUnit tells a test that could not run (an unreadable or too large file) from one that failed."""
    return found[0].kind in ("unreadable", "too-large")


def summary(run: Run) -> str:
    """`gongwen: 1350 valid, 0 invalid in 4.1 s`."""
    invalid = sum(1 for checked in run.files if checked.problems)
    return f"gongwen: {len(run.files) - invalid} valid, {invalid} invalid in {run.seconds:.1f} s"


RENDER = {"text": as_text, "json": as_json, "junit": as_junit}
