"""The command line: outputs, exit codes and one-line errors."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

import converter
from converter.cli import main
from tests.conftest import SAMPLES

REPO = SAMPLES.parent

WUCHANG = SAMPLES / "seeds" / "wuchang-2023-work-report.md.txt"
NOTICE = SAMPLES / "more" / "ndrc-2019-860-notice.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_convert_one_file_prints_xml():
    result = run("convert", WUCHANG)
    assert result.exit_code == 0
    assert result.stdout.startswith("<?xml") and "<archive" in result.stdout


def test_convert_many_files_to_a_directory(tmp_path):
    result = run("convert", WUCHANG, NOTICE, "-o", tmp_path)
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ndrc-2019-860-notice.xml", "wuchang-2023-work-report.md.xml"]


def test_a_bad_input_fails_with_one_line_and_the_others_are_written(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    pdf = tmp_path / "scan.txt"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01binary")
    out = tmp_path / "out"
    result = run("convert", empty, WUCHANG, pdf, tmp_path / "missing.txt", "-o", out)
    assert result.exit_code == 1
    *errors, summary = [l for l in result.stderr.splitlines() if not l.startswith("gongwen: warning")]
    assert errors == [
        f"gongwen: {empty}: empty: no text to convert",
        f"gongwen: {pdf}: not a text document (looks like PDF)",
        f"gongwen: {tmp_path / 'missing.txt'}: no such file",
    ]
    assert summary.startswith("gongwen: 1 converted, 0 skipped, 3 failed, ")
    assert [p.name for p in out.iterdir()] == ["wuchang-2023-work-report.md.xml"]


def test_usage_errors_exit_2(tmp_path):
    assert run("convert").exit_code == 2
    assert run("convert", WUCHANG, NOTICE).exit_code == 2          # several inputs need -o
    assert run("frobnicate").exit_code == 2


def test_warnings_name_file_and_line():
    path = SAMPLES / "more" / "state-council-2025-11-opinion-printed-pdftotext.txt"
    result = run("convert", path)
    assert result.exit_code == 0
    assert f"gongwen: warning: {path}:92: numbering 4. does not continue the sequence; kept as text" in result.stderr
    assert "warning" not in run("convert", "--quiet", path).stderr


def test_validate_good_and_bad_files(tmp_path):
    good = tmp_path / "good.xml"
    assert run("convert", WUCHANG, "-o", tmp_path).exit_code == 0
    (tmp_path / "wuchang-2023-work-report.md.xml").rename(good)
    assert run("validate", good).exit_code == 0
    bad = tmp_path / "bad.xml"
    bad.write_text(good.read_text(encoding="utf-8").replace('form="work-report"', 'form="memo"'), encoding="utf-8")
    result = run("validate", good, bad)
    assert result.exit_code == 1
    line = result.stderr.splitlines()[0]
    assert line.startswith(f"{bad}:4:") and "memo" in line
    broken = tmp_path / "broken.xml"
    broken.write_text("<archive>")
    result = run("validate", broken)
    assert result.exit_code == 1 and result.stderr.startswith(f"{broken}:1:")


def test_python_dash_m_entry_point():
    done = subprocess.run([sys.executable, "-m", "converter", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and "gongwen" in done.stdout


def test_version_is_answered_before_click_and_lxml_are_imported_as_click_answers_it():
    probe = ("import sys\nsys.argv = ['gongwen', '--version']\nfrom converter.entry import main\nmain()\n"
             "assert 'click' not in sys.modules and 'lxml' not in sys.modules, sorted(sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert done.stdout == run("--version").stdout == f"gongwen, version {converter.__version__}\n"


def test_a_message_quoting_input_stays_on_one_line(tmp_path):
    path = tmp_path / "nel.txt"
    path.write_text("（\x85二）“人工智能+”产业发展\n", encoding="utf-8")
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert all(line.startswith("gongwen: ") for line in result.stderr.splitlines())
