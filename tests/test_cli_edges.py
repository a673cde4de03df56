"""The smaller things of issue 14, one test (or a few) each."""

from __future__ import annotations

from types import SimpleNamespace

import json
import os
import re
import subprocess
import tomllib
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter import cli, provenance, validation
from converter.normalise import normalise
from converter.tree.archive import archive
from converter.cli import main
from tests.conftest import SAMPLES

REPO = Path(__file__).resolve().parent.parent
WUCHANG = SAMPLES / "seeds" / "wuchang-2023-work-report.md.txt"
OPINION = SAMPLES / "more" / "state-council-2025-11-opinion-printed-pdftotext.txt"   # warns at line 92
OPINION_WARNING = (92, "numbering 4. does not continue the sequence; kept as text")


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_every_version_tag_the_readme_names_exists():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(?:gongwen@|rev:\s*)(v\d[\w.-]*)", readme))
    assert "pip install \"gongwen @ git+" in readme and "rev: " in readme     # the snippets are there
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: no tags to compare with")
    tags = set(subprocess.run(["git", "tag", "--list"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.split())
    assert named <= tags, f"README names tags that do not exist: {sorted(named - tags)}"


def test_a_license_file_says_what_pyproject_says():
    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["license"] == {"text": "MIT"}
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in text


def test_no_deprecated_click_api_and_click_is_bounded():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bar = cli.progress_bar(5, quiet=False)       # took click.get_text_stream, deprecated in click 8.2
    assert bar is cli.NO_BAR                          # stderr is not a terminal under pytest
    click_req = next(d for d in tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
                     if d.startswith("click"))
    assert re.search(r"<\s*9", click_req), click_req


def test_report_with_the_xml_on_stdout(tmp_path):
    report = tmp_path / "r.json"
    result = run("convert", OPINION, "--report", report)
    assert result.exit_code == 0 and result.stdout.startswith("<?xml")
    [record] = json.loads(report.read_text(encoding="utf-8"))
    assert record["path"] == str(OPINION) and record["status"] == "converted" and record["output"] is None
    assert {"line": 92, "message": OPINION_WARNING[1]} in record["warnings"]


def test_an_output_folder_that_cannot_be_written_is_reported_once_up_front(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = blocker / "out"
    result = run("convert", WUCHANG, OPINION, SAMPLES / "seeds", "-o", out)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"gongwen: {out}: cannot write to the output folder (")
    assert lines[0].endswith("; nothing was converted")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_output_folder_is_reported_once(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = run("convert", WUCHANG, OPINION, "-o", out)
    finally:
        out.chmod(0o700)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"gongwen: {out}: cannot write to the output folder (Permission denied); nothing was converted"]


@pytest.mark.parametrize("command", ["convert", "inspect"])
@pytest.mark.parametrize("encoding", ["nosuch", "base64"])
def test_an_unknown_encoding_is_a_usage_error(command, encoding, tmp_path):
    result = run(command, WUCHANG, "--encoding", encoding)
    assert result.exit_code == 2
    assert "--encoding" in result.stderr and repr(encoding) in result.stderr
    assert run("convert", WUCHANG, "--encoding", "GBK").exit_code == 1      # known: decoding fails per file


def test_a_directory_without_an_output_folder_gets_a_hint():
    result = run("convert", SAMPLES / "seeds")
    assert result.exit_code == 2
    assert f"{SAMPLES / 'seeds'} is a directory: give -o OUT_DIR to convert the files in it" in result.stderr


def test_a_skipped_input_reports_the_warnings_of_its_first_conversion(tmp_path):
    out, first, second = tmp_path / "out", tmp_path / "1.json", tmp_path / "2.json"
    assert run("convert", OPINION, WUCHANG, "-o", out, "--report", first).exit_code == 0
    rerun = run("convert", OPINION, WUCHANG, "-o", out, "--report", second)
    assert rerun.exit_code == 0 and "0 converted, 2 skipped, 0 failed, 1 warning" in rerun.stderr
    converted, skipped = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    assert [r["status"] for r in skipped] == ["skipped", "skipped"]
    assert [r["warnings"] for r in skipped] == [r["warnings"] for r in converted]
    assert {"line": 92, "message": OPINION_WARNING[1]} in skipped[0]["warnings"]
    # kept in the archive itself, which stays valid
    root = etree.parse(str(out / "state-council-2025-11-opinion-printed-pdftotext.xml")).getroot()
    assert provenance.warnings_of(root) == (OPINION_WARNING,)
    assert validation.problems(root) == []


def test_a_warning_quoting_text_xml_cannot_hold_is_kept_escaped():
    source = SimpleNamespace(name="a.txt", sha256="0" * 64, encoding="utf-8")
    page = normalise("正文。\n")
    root = archive(source, page, [], [], [(0, "bad \x01 and \ufffe here")])
    assert provenance.warnings_of(root) == ((1, "bad \\x01 and \\ufffe here"),)


def test_a_failed_record_names_no_output(tmp_path):
    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"%PDF-1.7")
    report = tmp_path / "r.json"
    assert run("convert", scan, WUCHANG, "-o", tmp_path / "out", "--report", report).exit_code == 1
    failed, converted = json.loads(report.read_text(encoding="utf-8"))
    assert failed["status"] == "failed" and failed["output"] is None
    assert converted["output"] == str(tmp_path / "out" / "wuchang-2023-work-report.md.xml")
    assert not (tmp_path / "out" / "scan.xml").exists()


def test_inspect_reads_short_xml_without_a_declaration(tmp_path):
    golden = (SAMPLES / "more" / "ndrc-2019-860-notice.xml").read_bytes()
    bare = tmp_path / "bare.xml"
    bare.write_bytes(golden.split(b"?>", 1)[1].lstrip())              # no <?xml … ?>
    prefixed = tmp_path / "prefixed.dat"
    prefixed.write_bytes(b'<!-- kept --><g:archive xmlns:g="urn:gongwen:archive:1.0" schemaVersion="1.0">'
                         b'<g:source name="a.txt" sha256="' + b"0" * 64 + b'" encoding="utf-8" lines="1"/>'
                         b'<g:document form="notice" id="d1"><g:title>T</g:title></g:document><g:residue/>'
                         b'</g:archive>')
    short = tmp_path / "short.xml"
    short.write_bytes(b"<feed><entry/></feed>")
    assert run("inspect", bare).stdout == run("inspect", SAMPLES / "more" / "ndrc-2019-860-notice.xml").stdout
    result = run("inspect", prefixed)
    assert result.exit_code == 0 and "document d1  notice" in result.stdout
    result = run("inspect", short)
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == "entry (0 children)\n"


def test_convert_refuses_archive_xml_instead_of_reading_it_as_a_report(tmp_path):
    archive = SAMPLES / "seeds" / "wuchang-2023-work-report.md.xml"
    result = run("convert", archive)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"gongwen: {archive}: is gongwen archive XML (an output, not a text "
                                          "input); convert the text it was made from, or look inside with "
                                          "gongwen inspect"]
    other = SAMPLES / "more" / "ndrc-2019-860-notice.xml"
    result = run("convert", other, WUCHANG, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 1 and sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "wuchang-2023-work-report.md.xml"]
    # a text that merely quotes markup is still a text
    html = tmp_path / "page.txt"
    html.write_text("<p>关于某事的通知</p>\n<p>一、总体要求</p>\n", encoding="utf-8")
    assert run("convert", html).exit_code == 0
