"""`gongwen validate` results for people, scripts and CI systems.

text   FILE:LINE:COL: message, one line per problem (the compilers' style, so
       editors and CI annotate it)
json   an array, one object per file: file, valid, problems[line, column, kind, message]
junit  JUnit XML: one testcase per file, a failure (invalid, not well-formed,
       unsafe) or an error (unreadable) for each bad one
"""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from converter.validate import Problem

FORMATS = ("text", "json", "junit")
SUITE = "gongwen validate"

Results = list[tuple[Path, list[Problem]]]


def one_line(text: str) -> str:
    return " ".join(text.split())


def as_text(results: Results) -> str:
    return "".join(f"{path}:{p.line}:{p.column}: {one_line(p.message)}\n" for path, found in results for p in found)


def as_json(results: Results) -> str:
    records = [
        {"file": str(path), "valid": not found,
         "problems": [{"line": p.line, "column": p.column, "kind": p.kind, "message": one_line(p.message)}
                      for p in found]}
        for path, found in results
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def as_junit(results: Results) -> str:
    errors = sum(1 for _, found in results if found and is_error(found))
    failures = sum(1 for _, found in results if found and not is_error(found))
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    suites = etree.Element("testsuites", name=SUITE, **counts)
    suite = etree.SubElement(suites, "testsuite", name=SUITE, **counts)
    for path, found in results:
        case = etree.SubElement(suite, "testcase", classname="gongwen.validate", name=str(path), file=str(path))
        if found:
            outcome = etree.SubElement(case, "error" if is_error(found) else "failure",
                                       message=one_line(found[0].message), type=found[0].kind)
            outcome.text = as_text([(path, found)])
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def is_error(found: list[Problem]) -> bool:
    """JUnit tells a test that could not run (an unreadable file) from one that failed."""
    return found[0].kind == "unreadable"


RENDER = {"text": as_text, "json": as_json, "junit": as_junit}
