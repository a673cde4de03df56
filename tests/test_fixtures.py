"""Fixtures as the specification: every layout rule, one small input each.

`tests/fixtures/<form>/<case>.txt` is an input exactly as the converter gets
it; `<case>.xml` beside it is the archive it must give, shown without `source`
(its sha256 and name say nothing about layout) and without the namespace
declaration; `<case>.warnings`, when the case must warn, holds the expected
`line: message` lines. A case without a `.warnings` file must give none.

`python -m pytest tests/test_fixtures.py --update-fixtures` rewrites the
expected files from the current converter: review the diff line by line.
"""

from __future__ import annotations

import copy
import difflib
from pathlib import Path

import pytest
from lxml import etree

from converter import lossless, pipeline, validation
from converter.forms import registry

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = sorted(FIXTURES.glob("*/*.txt"))


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def expected_form(root: etree._Element) -> str:
    """The archive as a fixture shows it: no `source`, no namespace, pretty-printed."""
    shown = copy.deepcopy(root)
    for el in shown.iter(etree.Element):
        el.tag = etree.QName(el).localname
    for source in shown.findall("source"):
        shown.remove(source)
    etree.cleanup_namespaces(shown)
    return etree.tostring(shown, encoding="unicode", pretty_print=True)


def warnings_form(warnings: tuple[tuple[int, str], ...]) -> str:
    return "".join(f"{line}: {message}\n" for line, message in warnings)


def diff(expected: str, found: str, name: str) -> str:
    lines = difflib.unified_diff(expected.splitlines(keepends=True), found.splitlines(keepends=True),
                                 f"{name} (expected)", f"{name} (converter today)")
    return "".join(lines)


def test_every_registered_form_has_a_fixture():
    folders = {p.parent.name for p in CASES}
    missing = set(registry().names()) - folders
    assert not missing, f"forms without a fixture folder under tests/fixtures/: {sorted(missing)}"


def test_every_case_is_listed_in_the_readme():
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    missing = [case_id(p) for p in CASES if f"`{case_id(p)}`" not in readme]
    assert not missing, f"cases not in tests/fixtures/README.md: {missing}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_fixture(case: Path, update_fixtures: bool):
    data = case.read_bytes()
    result = pipeline.convert_bytes(data, case.name)
    assert validation.problems(result.root) == [], "output does not validate"
    text = data.decode("utf-8")
    loss = lossless.check(text, result.root)
    assert loss is None, f"not lossless at {loss}"
    found = expected_form(result.root)
    found_warnings = warnings_form(result.warnings)
    xml_path, warnings_path = case.with_suffix(".xml"), case.with_suffix(".warnings")
    if update_fixtures:
        xml_path.write_text(found, encoding="utf-8")
        if found_warnings:
            warnings_path.write_text(found_warnings, encoding="utf-8")
        elif warnings_path.exists():
            warnings_path.unlink()
    assert xml_path.exists(), f"no {xml_path.name}; run pytest --update-fixtures and review it"
    expected = xml_path.read_text(encoding="utf-8")
    if found != expected:
        pytest.fail(f"{case_id(case)}: output differs from the fixture\n" + diff(expected, found, xml_path.name),
                    pytrace=False)
    expected_warnings = warnings_path.read_text(encoding="utf-8") if warnings_path.exists() else ""
    if found_warnings != expected_warnings:
        pytest.fail(f"{case_id(case)}: warnings differ\n" + diff(expected_warnings, found_warnings,
                                                                  warnings_path.name), pytrace=False)
