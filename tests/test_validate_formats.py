"""`gongwen validate` for CI: text, JSON and JUnit results; safe on hostile XML."""

from __future__ import annotations

import http.server
import json
import re
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter import validation
from converter.cli import main
from tests.conftest import SAMPLES

GOLDEN = [SAMPLES / "seeds" / "wuchang-2023-work-report.md.xml", SAMPLES / "more" / "ndrc-2019-860-notice.xml"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def archive(tmp_path):
    """Two valid files, one invalid (an unknown form, line 4), one not well-formed, in a folder."""
    folder = tmp_path / "xml"
    folder.mkdir()
    good = [folder / "a.xml", folder / "b.xml"]
    for source, target in zip(GOLDEN, good):
        target.write_bytes(source.read_bytes())
    bad = folder / "c.xml"
    bad.write_bytes(GOLDEN[0].read_bytes().replace(b'form="work-report"', b'form="memo"'))
    broken = folder / "d.xml"
    broken.write_bytes(b"<archive>\n  <source>\n</archive>\n")
    return folder, good, bad, broken


def test_text_format_is_file_line_column_message(archive):
    folder, good, bad, broken = archive
    assert run("validate", *good).exit_code == 0
    assert run("validate", "--quiet", *good).stderr == ""
    result = run("validate", folder)
    assert result.exit_code == 1
    *lines, summary = result.stderr.splitlines()
    assert summary.startswith("gongwen: 2 valid, 2 invalid in ") and summary.endswith(" s")
    assert lines[0].startswith(f"{bad}:4:") and "memo" in lines[0]
    assert lines[-1].startswith(f"{broken}:3:") and "not well-formed" in lines[-1]
    assert all(line.split(":")[1].isdigit() and line.split(":")[2].isdigit() for line in lines)


def test_json_format_covers_every_file(archive):
    folder, good, bad, broken = archive
    result = run("validate", "--format", "json", folder)
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["file"] for r in records] == [str(p) for p in [*good, bad, broken]]
    assert [r["valid"] for r in records] == [True, True, False, False]
    assert records[2]["problems"][0]["line"] == 4 and records[2]["problems"][0]["kind"] == "invalid"
    assert records[3]["problems"][0]["kind"] == "not-well-formed"


def test_junit_format_has_one_testcase_per_file(archive, tmp_path):
    folder, good, bad, broken = archive
    missing = tmp_path / "missing.xml"
    result = run("validate", "--format", "junit", folder, missing)
    assert result.exit_code == 1
    suites = etree.fromstring(result.stdout.encode("utf-8"))
    cases = suites.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [str(p) for p in [*good, bad, broken, missing]]
    assert [len(c) for c in cases] == [0, 0, 1, 1, 1]
    assert cases[2][0].tag == "failure" and "memo" in cases[2][0].get("message")
    assert cases[2][0].text.startswith(f"{bad}:4:")
    assert cases[4][0].tag == "error"
    suite = suites.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "2", "1")


def test_an_empty_folder_and_an_unknown_format(tmp_path):
    result = run("validate", "-q", tmp_path)
    assert result.exit_code == 1 and result.stderr == f"{tmp_path}:0:0: no input files matching *.xml\n"
    assert run("validate", "--format", "yaml", tmp_path).exit_code == 2


# --- hostile XML ---------------------------------------------------------------------------

LAUGHS = ('<!DOCTYPE archive [<!ENTITY a "lollollollollollollollollollol">'
          + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9)) + "]>")
QUADRATIC = '<!DOCTYPE archive [<!ENTITY big "' + "x" * 50_000 + '">]>'
NS = 'xmlns="urn:gongwen:archive:1.0"'
BOMBS = {
    "billion laughs in text": f'<?xml version="1.0"?>{LAUGHS}<archive {NS}>&j;</archive>',
    "billion laughs in an attribute": f'<?xml version="1.0"?>{LAUGHS}<archive {NS} schemaVersion="&j;"/>',
    "quadratic blowup": f'<?xml version="1.0"?>{QUADRATIC}<archive {NS}>{"&big;" * 50_000}</archive>',
    "external entity": f'<!DOCTYPE archive [<!ENTITY x SYSTEM "file:///etc/passwd">]><archive {NS}>&x;</archive>',
    "doctype after comments": f'<?xml version="1.0"?>\n<!-- {" " * 70_000} -->\n{LAUGHS}<archive {NS}>&j;</archive>',
}


@pytest.mark.parametrize("name", BOMBS)
def test_entity_bombs_and_external_entities_are_refused(name, tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(BOMBS[name], encoding="utf-8")
    result = run("validate", "-q", path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}:1:1: a DOCTYPE is not allowed in archive XML")
    assert "root:" not in result.stderr


def test_a_utf16_bomb_is_refused_too(tmp_path):
    path = tmp_path / "bomb16.xml"
    path.write_bytes(BOMBS["billion laughs in text"].replace('"1.0"?>', '"1.0" encoding="UTF-16"?>', 1)
                     .encode("utf-16"))
    assert [p.kind for p in validation.check_file(path)] == ["unsafe"]


class Counting(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        Counting.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.HTTPServer(("127.0.0.1", 0), Counting)
    Counting.hits = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_validation_never_reaches_the_network(server, tmp_path):
    golden = GOLDEN[0].read_text(encoding="utf-8")
    hints = golden.replace(f"<archive {NS}", f'<archive {NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                           f'xsi:schemaLocation="urn:gongwen:archive:1.0 {server}/evil.xsd"', 1)
    xinclude = golden.replace("<residue", f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{server}/x"/>'
                              "<residue", 1)
    dtd = golden.replace("<archive", f'<!DOCTYPE archive SYSTEM "{server}/evil.dtd"><archive', 1)
    outcomes = []
    for k, text in enumerate((hints, xinclude, dtd)):
        path = tmp_path / f"{k}.xml"
        path.write_text(text, encoding="utf-8")
        outcomes.append(run("validate", path).exit_code)
    assert Counting.hits == []
    assert outcomes == [0, 1, 1]


def test_the_pre_commit_hook_runs_gongwen_validate(archive):
    folder, good, bad, _ = archive
    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = re.search(r"^\s*entry:\s*(.+)$", hooks, re.MULTILINE).group(1).split()
    assert entry[0] == "gongwen" and re.search(r"^\s*types:\s*\[xml\]", hooks, re.MULTILINE)
    assert run(*entry[1:], *good).exit_code == 0          # pre-commit appends the staged file names
    assert run(*entry[1:], *good, bad).exit_code == 1
