"""The outer layer's faults of issue 11, each with its reproducer: names, parsers, pipes, disks, time limits."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter import batch, escaping, inputs, pipeline, validation, writer
from converter.cli import main
from tests.conftest import SAMPLES

REPO = Path(__file__).resolve().parent.parent
NOTICE = (SAMPLES / "more" / "ndrc-2019-860-notice.txt").read_bytes()
SHORT = "一、总体要求\n坚持稳中求进。\n".encode("utf-8")


def gongwen(*args, **kwargs) -> subprocess.CompletedProcess:
    """The real command in a fresh process: its stderr is a real, UTF-8, stream."""
    return subprocess.run([sys.executable, "-m", "converter", *map(os.fsdecode, args)], capture_output=True,
                          cwd=REPO, env=dict(os.environ, PYTHONIOENCODING="utf-8"), **kwargs)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def lines(stream: bytes) -> list[str]:
    return stream.decode("utf-8").splitlines()


# --- one escaping rule (faults 4 and 8) ----------------------------------------------------

@pytest.mark.parametrize("text,shown", [
    ("a.txt", "a.txt"),
    ("通知 2023.txt", "通知 2023.txt"),
    ("a\nb.xml", "a\\x0ab.xml"),
    ("\udcff.txt", "\\xff.txt"),                      # the byte 0xFF of a name that is not UTF-8
    ("a\\xff", "a\\\\xff"),                           # a backslash is doubled, so the two stay apart
    ("\x85\u2028\u202e\u200b\x00", "\\u0085\\u2028\\u202e\\u200b\\x00"),
    ("\u3000全角", "\u3000全角"),                      # spaces stay as printed
])
def test_one_escaping_rule(text, shown):
    assert escaping.escape(text) == shown
    assert escaping.unescape(shown) == text


def test_a_name_that_is_not_utf8_is_kept_losslessly_everywhere(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"\xff\xe9\x80.txt")
    (folder / name).write_bytes(SHORT)
    done = gongwen("convert", folder / name)
    assert done.returncode == 0, done.stderr
    source = etree.fromstring(done.stdout).find("{*}source")
    assert source.get("name") == "\\xff\\xe9\\x80.txt"
    assert escaping.unescape_name(source.get("name")) == b"\xff\xe9\x80.txt"
    report = tmp_path / "r.json"
    done = gongwen("convert", folder, "-o", tmp_path / "out", "--report", report)
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    [record] = json.loads(report.read_text(encoding="utf-8"))
    assert record["path"].endswith("/\\xff\\xe9\\x80.txt") and record["status"] == "converted"
    assert all(line.startswith("gongwen: ") and "\\xff\\xe9\\x80.txt" in line for line in lines(done.stderr)[:-1])


def test_validate_shows_names_that_are_not_utf8_or_hold_a_newline_on_one_line(tmp_path):
    golden = (SAMPLES / "more" / "ndrc-2019-860-notice.xml").read_bytes()
    odd = tmp_path / os.fsdecode(b"\xfe.xml")
    odd.write_bytes(golden)
    newline = tmp_path / "a\nb.xml"
    newline.write_bytes(golden.replace(b'form="notice"', b'form="memo"'))
    records = json.loads(gongwen("validate", "--format", "json", odd).stdout)
    assert records == [{"file": f"{tmp_path}/\\xfe.xml", "valid": True, "problems": []}]
    suites = etree.fromstring(gongwen("validate", "--format", "junit", odd).stdout)
    assert suites.find("testsuite/testcase").get("name") == f"{tmp_path}/\\xfe.xml"
    done = gongwen("validate", tmp_path)
    *problems, summary = lines(done.stderr)
    # one line: the escaped name, line and column, the attribute, the forms the schema knows
    (problem,) = problems
    assert problem.startswith(f"{tmp_path}/a\\x0ab.xml:4:13: attribute form='memo': value must be one of [")
    assert "'notice'" in problem and "'work-report'" in problem
    assert summary.startswith("gongwen: 1 valid, 1 invalid in ")


# --- one parser configuration (fault 3) ---------------------------------------------------

def test_validate_and_inspect_accept_an_output_with_a_paragraph_beyond_10_mb(tmp_path):
    text = "关于印发方案的通知\n\n" + "各级人民政府加强领导" * 400_000 + "。\n"
    source = tmp_path / "huge.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert run("convert", source, "-o", out, "-q").exit_code == 0
    output = out / "huge.xml"
    assert validation.check_file(output) == []
    assert batch.contents(output) is not None
    assert run("inspect", output).exit_code == 0
    assert run("convert", source, "-o", out, "-q").exit_code == 0          # and the skip check reads it
    assert run("validate", "-q", output).exit_code == 0


def test_every_reader_of_archive_xml_uses_the_one_configuration():
    parser = validation.safe_parser()
    assert validation.PARSER_OPTIONS == {"resolve_entities": False, "load_dtd": False, "no_network": True,
                                       "huge_tree": True}
    source = (REPO / "converter" / "batch.py").read_text(encoding="utf-8")
    assert "**validation.PARSER_OPTIONS" in source and "huge_tree=" not in source
    assert isinstance(parser, etree.XMLParser)


# --- validation: verdict, explanation, memory ----------------------------------------------

def test_messages_have_local_names_real_columns_and_no_libxml2_noise(tmp_path):
    golden = (SAMPLES / "seeds" / "wuchang-2023-work-report.md.xml").read_bytes()
    path = tmp_path / "dup.xml"
    path.write_bytes(golden.replace(b'id="d1.n2"', b'id="d1.n1"', 1))
    problems = validation.check_file(path)
    assert problems and all("{urn:" not in p.message and "precomputed" not in p.message for p in problems)
    first = problems[0]
    line = path.read_text(encoding="utf-8").splitlines()[first.line - 1]
    assert line[first.column - 1:].startswith('id="d1.n1"')
    tree_problems = validation.problems(etree.fromstring(path.read_bytes()))
    assert tree_problems and all("{urn:" not in p.message and "precomputed" not in p.message for p in tree_problems)


def test_validation_memory_is_bounded_by_the_element_limit(tmp_path):
    """No tree is kept, and a file with more elements than --max-elements is refused in one line."""
    golden = (SAMPLES / "more" / "ndrc-2019-860-notice.xml").read_bytes()
    head, tail = golden.split(b"<body>", 1)
    path = tmp_path / "big.xml"
    with open(path, "wb") as out:
        out.write(head + b"<body>")
        out.write(b'<p line="1">\xe7\x94\xb2</p>' * 400_000)
        out.write(tail)
    # the probe's own peak: a child's ru_maxrss starts from its (forked) parent's, so the high-water
    # mark is reset first (Linux: clear_refs 5) and read back as VmHWM
    probe = ("import re; from pathlib import Path; from converter import validation; "
             "open('/proc/self/clear_refs', 'w').write('5'); "
             f"assert validation.check_file(Path({str(path)!r})) == []; "
             "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) < 150_000          # kB; a tree of 400,000 elements alone is some 200 MB
    result = run("validate", "--max-elements", "100000", "--format", "junit", path)
    assert result.exit_code == 1
    [case] = etree.fromstring(result.stdout.encode("utf-8")).iter("testcase")
    assert case[0].tag == "error" and case[0].get("type") == "too-large"
    assert case[0].get("message").startswith("more than 100000 elements: not checked, to keep memory bounded")


def test_validate_jobs_gives_the_same_results_in_order(tmp_path):
    golden = (SAMPLES / "more" / "ndrc-2019-860-notice.xml").read_bytes()
    for k in range(12):
        data = golden if k % 4 else golden.replace(b'form="notice"', b'form="memo"')
        (tmp_path / f"{k:02d}.xml").write_bytes(data)
    one = run("validate", "--format", "json", "--jobs", "1", tmp_path)
    two = run("validate", "--format", "json", "--jobs", "2", tmp_path)
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert [r["valid"] for r in json.loads(one.stdout)] == [k % 4 != 0 for k in range(12)]


def test_junit_results_carry_time_and_timestamp(tmp_path):
    (tmp_path / "a.xml").write_bytes((SAMPLES / "more" / "ndrc-2019-860-notice.xml").read_bytes())
    suites = etree.fromstring(run("validate", "--format", "junit", tmp_path).stdout.encode("utf-8"))
    suite = suites.find("testsuite")
    assert time.strptime(suite.get("timestamp"), "%Y-%m-%dT%H:%M:%S")
    assert float(suite.get("time")) >= 0 and float(suite.find("testcase").get("time")) >= 0


# --- pipes, devices, disks (faults 7 and 9) ------------------------------------------------

@pytest.mark.parametrize("args", [["convert", "IN"], ["inspect", "IN"], ["validate", "--format", "json", "XML"]])
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(args, tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    source = tmp_path / "a.txt"
    source.write_bytes(NOTICE)
    xml = SAMPLES / "more" / "ndrc-2019-860-notice.xml"
    argv = [str(source) if a == "IN" else str(xml) if a == "XML" else a for a in args]
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "converter", *argv], stdout=full, stderr=subprocess.PIPE,
                              cwd=REPO, text=True)
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if not line.startswith("gongwen: warning")
              and " valid, " not in line]
    assert errors == ["gongwen: cannot write to standard output (No space left on device)"]


def fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(path)
    return path


def test_validate_refuses_a_fifo_without_opening_it(tmp_path):
    fifo(tmp_path / "x.xml")
    done = gongwen("validate", tmp_path, timeout=30)
    assert done.returncode == 1
    assert lines(done.stderr)[0] == f"{tmp_path}/x.xml:0:0: not a regular file (a FIFO, socket or device is never read)"


def test_an_output_that_is_a_fifo_is_neither_read_nor_replaced(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(NOTICE)
    (tmp_path / "out").mkdir()
    fifo(tmp_path / "out" / "a.xml")
    done = gongwen("convert", tmp_path / "in", "-o", tmp_path / "out", "-q", timeout=30)
    assert done.returncode == 1
    assert lines(done.stderr) == [f"gongwen: {tmp_path}/in/a.txt: its output {tmp_path}/out/a.xml exists and is "
                                  "not a regular file; it is left alone"]


def test_outputs_are_synced_file_and_folder(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def fsync(fd):
        synced.append(os.path.isdir(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else None)
        return real(fd)
    monkeypatch.setattr(os, "fsync", fsync)
    writer.write_atomic(tmp_path / "a.xml", b"<archive/>")
    assert len(synced) == 2 and synced[0] in (False, None) and synced[1] in (True, None)


# --- time limits --------------------------------------------------------------------------

def slow_when_named_slow(real):
    def convert(data, name, *args):
        if name.startswith("slow"):
            time.sleep(60)
        if name.startswith("stuck"):
            signal.signal(signal.SIGTERM, signal.SIG_IGN)      # like a C loop that never checks for signals
            time.sleep(60)
        return real(data, name, *args)
    return convert


@pytest.mark.parametrize("jobs,late", [("1", ["slow.txt"]), ("2", ["slow.txt", "stuck.txt"])])
def test_a_file_past_the_time_limit_fails_in_one_line_and_the_batch_goes_on(tmp_path, monkeypatch, jobs, late):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", *late, "z.txt"):
        (folder / name).write_bytes(NOTICE)
    monkeypatch.setattr(pipeline, "convert_bytes", slow_when_named_slow(pipeline.convert_bytes))
    start = time.monotonic()
    result = run("convert", folder, "-o", tmp_path / "out", "--timeout", "0.5", "--jobs", jobs, "-q")
    assert time.monotonic() - start < 20
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"gongwen: {folder / name}: stopped after 0.5 s (the --timeout limit); nothing written" for name in late]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.xml", "z.xml"]


def test_the_default_time_limit_is_documented_and_zero_turns_it_off():
    assert batch.DEFAULT_TIMEOUT == 300
    assert "--timeout SECONDS" in (REPO / "README.md").read_text(encoding="utf-8")
    assert batch.Options().timeout is None


# --- start-up --------------------------------------------------------------------------------

def test_ctrl_c_while_the_command_imports_is_one_line_and_exit_130():
    """Ctrl-C lands while click, lxml and the pipeline are imported (the first tenth of a second)."""
    probe = ("import sys\n"
             "class Interrupting:\n"
             "    def find_spec(self, name, path=None, target=None):\n"
             "        if name == 'lxml':\n"
             "            raise KeyboardInterrupt\n"
             "sys.meta_path.insert(0, Interrupting())\n"
             "sys.argv = ['gongwen', '--help']\n"
             "from converter.entry import main\n"
             "main()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    assert (done.returncode, done.stderr) == (130, "gongwen: interrupted\n")


def test_a_signal_while_validating_is_one_line(tmp_path):
    golden = (SAMPLES / "seeds" / "xinzhou-bulletin-2023-issue1.xml").read_bytes()
    for k in range(80):
        (tmp_path / f"{k:03d}.xml").write_bytes(golden)
    proc = subprocess.Popen([sys.executable, "-m", "converter", "validate", "--jobs", "2", tmp_path],
                            stderr=subprocess.PIPE, text=True, cwd=REPO)
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode in (143, 0, -signal.SIGTERM) and "Traceback" not in stderr   # (-15: still starting)
    if proc.returncode == 143:
        assert stderr == "gongwen: interrupted; nothing was reported\n"
