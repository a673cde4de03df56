"""Batch conversion (issue 6): directories, workers, incremental re-runs, reports, interruption."""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter import inputs, pool, validation, writer
from converter.cli import main
from tests.conftest import ALL_SAMPLES, SAMPLES, sample_corpus

SEEDS = sorted((SAMPLES / "seeds").glob("*.txt"))
MORE = sorted((SAMPLES / "more").glob("*.txt"))
REPO = Path(__file__).resolve().parent.parent


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def gongwen(*args, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "converter", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=REPO, **kwargs)


@pytest.fixture
def tree(tmp_path) -> Path:
    """The seeds in a nested tree, the other samples one level deeper, and things to pass over."""
    root = tmp_path / "in"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "more").mkdir()
    for path in SEEDS:
        shutil.copy(path, root / "seeds" / path.name)
    for path in MORE:
        shutil.copy(path, root / "seeds" / "more" / path.name)
    (root / "seeds" / "README.md").write_text("# 说明\n\n这些是样本。\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("一、不应转换\n", encoding="utf-8")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    return root


def xml_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_directory_tree_is_mirrored(tree, tmp_path):
    out = tmp_path / "out"
    result = run("convert", tree, "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    # seeds/README.md is the folder's own documentation: not an input by default (issue 14)
    expected = sorted([f"seeds/{p.stem}.xml" for p in SEEDS] + [f"seeds/more/{p.stem}.xml" for p in MORE])
    assert xml_files(out) == expected
    for path in out.rglob("*.xml"):
        assert validation.problems(etree.parse(str(path)).getroot()) == []


def test_glob_chooses_the_inputs_and_ignores_case(tree, tmp_path):
    (tree / "UPPER.TXT").write_text("一、总体要求\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("convert", tree, "-o", out, "--glob", "*.md", "--glob", "upper.*")
    assert result.exit_code == 0, result.stderr
    assert xml_files(out) == ["UPPER.xml", "seeds/README.xml"]


def test_output_directory_inside_the_input_is_not_walked(tree):
    out = tree / "xml"
    assert run("convert", tree, "-o", out).exit_code == 0
    before = xml_files(out)
    assert not any(Path(task.shown).is_relative_to(out) for task in inputs.plan([tree], out, ("*",)))
    result = run("convert", tree, "-o", out, "--glob", "*", "--force", "-q")
    assert result.stderr.splitlines() == [f"gongwen: {tree / 'notes.pdf'}: not a text document (looks like PDF)"]
    assert xml_files(out) == sorted([*before, "seeds/README.xml"])     # --glob '*' takes the README too


def test_inputs_plan_files_first_then_subfolders_in_name_order(tree, tmp_path):
    tasks = inputs.plan([tree], tmp_path / "out")
    shown = [str(Path(t.shown).relative_to(tree)) for t in tasks]
    assert shown == sorted(f"seeds/{p.name}" for p in SEEDS) + sorted(f"seeds/more/{p.name}" for p in MORE)


def test_two_inputs_for_one_output_and_an_empty_directory_fail_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("一、总体要求\n", encoding="utf-8")
    (folder / "a.md").write_text("一、总体要求\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    result = run("convert", folder, empty, folder / "a.md", "-o", out, "-q")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"gongwen: {folder / 'a.txt'}: its output {out / 'a.xml'} is also the output of {folder / 'a.md'}; rename one",
        f"gongwen: {empty}: no input files matching *.txt, *.md, *.html, *.htm",
    ]
    assert xml_files(out) == ["a.xml"]


def test_report_has_one_record_per_input(tree, tmp_path):
    bad = tree / "seeds" / "zz-scan.txt"
    bad.write_bytes(b"%PDF-1.7 binary")
    out, report = tmp_path / "out", tmp_path / "report.json"
    result = run("convert", tree, "-o", out, "--report", report, "--jobs", "2")
    assert result.exit_code == 1
    records = json.loads(report.read_text(encoding="utf-8"))
    assert [r["path"] for r in records] == [t.shown for t in inputs.plan([tree], out)]
    by_name = {Path(r["path"]).name: r for r in records}
    scan = by_name["zz-scan.txt"]
    assert scan["status"] == "failed" and scan["error"] == "not a text document (looks like PDF)"
    assert scan["forms"] == [] and scan["documents"] == 0
    notice = by_name["xinzhou-2023-work-report-notice.txt"]
    assert notice["status"] == "converted" and notice["forms"] == ["notice"] and notice["documents"] == 1
    assert notice["output"] == str(out / "seeds" / "xinzhou-2023-work-report-notice.xml")
    opinion = by_name["state-council-2025-11-opinion-printed-pdftotext.txt"]
    assert {"line": 92, "message": "numbering 4. does not continue the sequence; kept as text"} in opinion["warnings"]
    assert all(r["seconds"] >= 0 and r["error"] is None for r in records if r is not scan)


def stderr_without_summary(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if " converted, " not in line]


def test_workers_report_in_input_order_and_write_the_same_bytes(tree, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    first = run("convert", tree, "-o", one, "--jobs", "1")
    second = run("convert", tree, "-o", two, "--jobs", "2")
    assert first.exit_code == second.exit_code == 0
    assert stderr_without_summary(first) == stderr_without_summary(second)
    warned = [line.split(":")[2] for line in stderr_without_summary(first)]
    planned = [t.shown for t in inputs.plan([tree], one)]
    assert warned == sorted(warned, key=lambda shown: planned.index(shown.strip()))
    assert xml_files(one) == xml_files(two)
    for name in xml_files(one):
        assert (one / name).read_bytes() == (two / name).read_bytes()


def inodes(folder: Path) -> dict[str, int]:
    return {name: (folder / name).stat().st_ino for name in xml_files(folder)}


def test_a_rerun_rewrites_nothing_and_force_rewrites_everything(tree, tmp_path):
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert run("convert", tree, "-o", out).exit_code == 0
    written = inodes(out)           # an atomic write makes a new file: a new inode
    result = run("convert", tree, "-o", out, "--report", report)
    assert result.exit_code == 0
    assert inodes(out) == written
    assert {r["status"] for r in json.loads(report.read_text())} == {"skipped"}
    assert " 0 converted, " in result.stderr and f" {len(written)} skipped" in result.stderr
    run("convert", tree, "-o", out, "--force", "--report", report)
    assert all(written[name] != inode for name, inode in inodes(out).items())
    assert {r["status"] for r in json.loads(report.read_text())} == {"converted"}


def test_a_rerun_converts_what_changed(tree, tmp_path):
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert run("convert", tree, "-o", out).exit_code == 0
    changed = tree / "seeds" / "hannan-2020-work-report-webpage.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "补充一句。\n", encoding="utf-8")
    old_version = out / "seeds" / "wuchang-2023-work-report.md.xml"
    old_version.write_bytes(old_version.read_bytes().replace(b'converter="gongwen ', b'converter="gongwen 0.0.0 '))
    truncated = out / "seeds" / "more" / "ndrc-2019-860-notice.xml"
    truncated.write_bytes(truncated.read_bytes()[:500])
    run("convert", tree, "-o", out, "--report", report)
    converted = {Path(r["path"]).name for r in json.loads(report.read_text()) if r["status"] == "converted"}
    assert converted == {"hannan-2020-work-report-webpage.txt", "wuchang-2023-work-report.md.txt",
                         "ndrc-2019-860-notice.txt"}
    assert validation.check_file(truncated) == []


def test_quiet_prints_only_errors(tree, tmp_path):
    (tree / "scan.txt").write_bytes(b"\x89PNG\r\n")
    result = run("convert", tree, "-o", tmp_path / "out", "--quiet", "--jobs", "2")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"gongwen: {tree / 'scan.txt'}: not a text document (looks like PNG)"]


def test_no_progress_bar_when_stderr_is_not_a_terminal(tree, tmp_path):
    done = gongwen("convert", tree, "-o", tmp_path / "out", "--jobs", "2")
    assert done.returncode == 0
    assert "\r" not in done.stderr and "converting" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"gongwen: {len(inputs.plan([tree], tmp_path))} converted, ")


def test_a_progress_bar_on_a_terminal(tree, tmp_path):
    pty = pytest.importorskip("pty")
    main_fd, child_fd = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "converter", "convert", str(tree), "-o", str(tmp_path / "out")],
                                stdout=subprocess.DEVNULL, stderr=child_fd, cwd=REPO)
        os.close(child_fd)
        seen = b""
        while True:
            try:
                chunk = os.read(main_fd, 4096)
            except OSError:         # the terminal closes when the process ends
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait() == 0
    finally:
        os.close(main_fd)
    assert b"converting" in seen and b" converted, " in seen


# --- interruption: only complete files, no temporaries ---------------------------------

def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".xml")]


@pytest.mark.parametrize("signum,jobs", [(signal.SIGINT, "2"), (signal.SIGTERM, "2"), (signal.SIGTERM, "1")])
def test_an_interrupted_batch_leaves_only_complete_files(tmp_path, signum, jobs):
    # (outputs appear a commit group at a time, and a busy disk holds the first group's barrier while the
    # workers go on: 216 inputs were all converted before the first outputs appeared, and the signal found
    # the batch done; the signal comes as the first group appears, so a bigger batch costs only its copying)
    copies = 40
    corpus = sample_corpus(tmp_path / "in", copies)
    out = tmp_path / "out"
    # (Ctrl-C's default restored: a shell without job control starts a background job ignoring SIGINT, and
    # Python then leaves it ignored; the batch would run to its end whatever the test sends)
    proc = subprocess.Popen([sys.executable, "-m", "converter", "convert", str(corpus), "-o", str(out),
                             "--jobs", jobs, "-q"], stderr=subprocess.PIPE, text=True, cwd=REPO,
                            preexec_fn=functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.xml"))) < 3:
        time.sleep(0.01)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum
    assert stderr.splitlines()[-1].startswith("gongwen: interrupted after ")
    assert "Traceback" not in stderr
    written = list(out.rglob("*.xml"))
    assert 3 <= len(written) < copies * len(ALL_SAMPLES)
    assert leftovers(out) == []
    for path in written:
        assert validation.problems(etree.parse(str(path)).getroot()) == []


def test_write_atomic_removes_its_temporary_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "a.xml"

    def interrupted(src, dst):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        writer.write_atomic(target, b"<archive/>")
    assert list(tmp_path.iterdir()) == []


def test_outputs_have_the_usual_file_mode(tmp_path):
    writer.write_atomic(tmp_path / "a.xml", b"<archive/>")
    assert (tmp_path / "a.xml").stat().st_mode & 0o777 == 0o666 & ~writer.umask()


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_remove_temporaries_takes_only_those_whose_writer_is_gone(tmp_path):
    here, gone = writer.machine_tag(), dead_pid()
    stale = [tmp_path / f".a.xml.{here}-{gone}.x1y2z3.tmp", tmp_path / f".a[1].xml.{here}-{gone}.abcdef.tmp"]
    live = tmp_path / f".a.xml.{here}-{os.getpid()}.k2j3h4.tmp"           # a run writing right now
    elsewhere = tmp_path / f".a.xml.0badf00d-{gone}.k2j3h4.tmp"           # another machine's pid means nothing here
    other_output = tmp_path / f".b.xml.{here}-{gone}.x1y2z3.tmp"
    theirs = [live, elsewhere, other_output, tmp_path / "a.xml", tmp_path / ".a.xml.keep", tmp_path / ".a.xml.tmp"]
    for path in stale + theirs:
        path.write_bytes(b"")
    assert writer.remove_temporaries([tmp_path / "a.xml", tmp_path / "a[1].xml"], only_these=True) == 2
    assert sorted(tmp_path.iterdir()) == sorted(theirs)
    assert writer.remove_temporaries([tmp_path / "a.xml"]) == 1          # a whole-folder sweep: b.xml's too
    assert not other_output.exists() and live.exists() and elsewhere.exists()


def test_the_temporaries_sweep_lists_a_folder_once(tmp_path, monkeypatch):
    listed = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda folder: listed.append(folder) or real(folder))
    writer.remove_temporaries([tmp_path / f"{k}.xml" for k in range(4000)])
    assert listed == [tmp_path]


def die_on_three(n: int) -> int:
    if n == 3:
        os._exit(7)
    if n == 5:
        raise ValueError("five\nis bad")
    time.sleep(0.01 * (n % 3))
    return n * n


def test_pool_keeps_order_and_survives_a_dying_worker():
    results = list(pool.ordered_map(die_on_three, list(range(10)), 3, lambda n, why: f"{n}: {why}"))
    assert results == [0, 1, 4, "3: exit status 7", 16, "5: ValueError: five is bad", 36, 49, 64, 81]


def started_at(n: int) -> tuple[int, int]:
    time.sleep(0.002)
    return n, time.monotonic_ns()


def test_pool_hands_items_out_in_the_order_asked_and_reports_them_in_item_order():
    results = list(pool.ordered_map(started_at, list(range(6)), 1, lambda n, why: (n, why), order=[4, 2, 5, 0, 1, 3]))
    assert [n for n, _ in results] == [0, 1, 2, 3, 4, 5]
    assert [n for n, _ in sorted(results, key=lambda r: r[1])] == [4, 2, 5, 0, 1, 3]


def test_completed_map_gives_each_result_with_its_index_as_it_is_done():
    done = list(pool.completed_map(started_at, list(range(6)), 1, lambda n, why: (n, why), order=[4, 2, 5, 0, 1, 3]))
    assert [index for index, _ in done] == [4, 2, 5, 0, 1, 3]       # (one worker: done in the order handed out)
    assert all(result[0] == index for index, result in done)


def test_in_order_puts_pairs_back_in_index_order_as_soon_as_each_turn_comes():
    pulled: list[int] = []

    def pairs():
        for index in [2, 0, 1, 4, 3]:
            pulled.append(index)
            yield index, f"r{index}"
    results = pool.in_order(pairs())
    assert next(results) == "r0" and pulled == [2, 0]
    assert next(results) == "r1" and next(results) == "r2" and pulled == [2, 0, 1]
    assert list(results) == ["r3", "r4"]


def test_tasks_go_out_largest_first_in_runs_so_that_none_waits_long():
    assert pool.largest_first([5, 1, 9, 3, 7], 10) == [2, 4, 0, 3, 1]
    assert pool.largest_first([5, 1, 9, 3, 7], 2) == [0, 1, 2, 3, 4]
    assert pool.largest_first([1, 5, 3, 9, 7, 7], 3) == [1, 2, 0, 3, 4, 5]


def length(text: str) -> int:
    return len(text)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_forked_workers_are_given_the_items_once_and_each_task_as_its_index(monkeypatch):
    # the parent pickles nothing per task: items it cannot pickle still reach the workers, and an item far
    # bigger than a pipe holds waits behind a running task without blocking the parent
    import pickle

    class Unpicklable(str):
        def __reduce__(self):
            raise pickle.PicklingError("not sent through a pipe")

    items = [Unpicklable("x" * (1 << 20)), Unpicklable("短"), Unpicklable("y" * 300_000)]
    sent: list[bytes] = []
    real = pool.hand_out

    def recorded(worker, todo, workers):
        send = worker.conn.send_bytes
        worker.conn.send_bytes = lambda data: sent.append(data) or send(data)
        real(worker, todo, workers)
        worker.conn.send_bytes = send

    monkeypatch.setattr(pool, "hand_out", recorded)
    assert list(pool.ordered_map(length, items, 1, lambda n, why: why)) == [1 << 20, 1, 300_000]
    assert sent and all(len(message) == pool.INDEX_BYTES for message in sent)


class DeadPipe:
    def send_bytes(self, data: bytes) -> None:
        raise BrokenPipeError(32, "Broken pipe")


class DeadWorker:
    def __init__(self, running: list[int]):
        from collections import deque

        self.conn = DeadPipe()
        self.queue = deque(running)
        self.started = 0.0


def test_a_task_sent_to_a_worker_that_just_died_waits_to_be_given_back_not_raised():
    # the worker died running task 3 as the parent sent it task 4: the parent reads its EOF next, reports 3
    # crashed and gives 4, which never started, to the worker that replaces it
    from collections import deque

    worker, todo = DeadWorker([3]), deque([4, 5])
    pool.hand_out(worker, todo, 1)   # type: ignore[arg-type]
    assert list(worker.queue) == [3, 4] and list(todo) == [5]


def test_a_task_waiting_behind_one_that_kills_its_worker_runs_on_a_new_worker():
    # one worker holds its next task in its pipe: when the worker dies, that task has not started and runs again
    results = list(pool.ordered_map(die_on_three, list(range(7)), 1, lambda n, why: f"{n}: {why}"))
    assert results == [0, 1, 4, "3: exit status 7", 16, "5: ValueError: five is bad", 36]


def sleep_on_zero(n: int) -> int:
    time.sleep(30 if n == 0 else 0.6)
    return n


def test_the_clock_of_a_waiting_task_starts_when_the_one_before_it_ends():
    # 1 and 2 wait behind 0, which runs out of time; each then runs in 0.6 s, inside the limit of 1 s
    # (2 is handed out as 1 starts: timed from then, it would run out of time)
    start = time.monotonic()
    results = list(pool.ordered_map(sleep_on_zero, [0, 1, 2], 1, lambda n, why: f"{n}: {why}", timeout=1.0,
                                    timed_out=lambda n, seconds: f"{n}: late"))
    assert results == ["0: late", 1, 2] and time.monotonic() - start < 10


# --- determinism --------------------------------------------------------------------------

def test_batch_output_is_identical_across_hash_seeds_time_zones_locales_and_jobs(tree, tmp_path):
    outputs = []
    for k, (seed, tz, lang, jobs) in enumerate((("0", "UTC", "C", "1"), ("4242", "Asia/Shanghai", "zh_CN.UTF-8", "2"),
                                               ("random", "America/New_York", "en_US.UTF-8", "2"))):
        env = dict(os.environ, PYTHONHASHSEED=seed, TZ=tz, LANG=lang, LC_ALL=lang)
        out = tmp_path / f"out{k}"
        assert gongwen("convert", tree, "-o", out, "--jobs", jobs, "-q", env=env).returncode == 0
        outputs.append({name: (out / name).read_bytes() for name in xml_files(out)})
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_report_that_cannot_be_written_is_one_line_and_exit_1(tree, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("convert", tree, "-o", tmp_path / "out", "--report", blocker / "report.json", "-q")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"gongwen: {blocker / 'report.json'}: cannot write the report (")
    assert len(xml_files(tmp_path / "out")) == len(inputs.plan([tree], tmp_path / "out"))


def test_converted_and_skipped_records_agree_on_forms_and_documents(tree, tmp_path):
    out, first, second = tmp_path / "out", tmp_path / "1.json", tmp_path / "2.json"
    run("convert", tree, "-o", out, "--report", first)
    run("convert", tree, "-o", out, "--report", second)
    converted, skipped = (json.loads(path.read_text(encoding="utf-8")) for path in (first, second))
    assert {r["status"] for r in converted} == {"converted"} and {r["status"] for r in skipped} == {"skipped"}
    assert [(r["forms"], r["documents"]) for r in converted] == [(r["forms"], r["documents"]) for r in skipped]
    bulletin = next(r for r in converted if "bulletin" in r["path"])
    golden = etree.parse(str(SAMPLES / "seeds" / "xinzhou-bulletin-2023-issue1.xml"))
    top_level = golden.xpath("//*[local-name()='document'][not(ancestor::*[local-name()='document'])]")
    assert bulletin["forms"] == ["bulletin"] and bulletin["documents"] == len(top_level) > 1


def test_a_bug_costs_one_file_not_the_batch(tree, tmp_path, monkeypatch):
    from converter import batch, pipeline
    real = pipeline.convert_bytes

    def buggy(data, name, *args):
        if name.startswith("wuchang"):
            raise ValueError("bad\nthing")
        return real(data, name, *args)
    monkeypatch.setattr(pipeline, "convert_bytes", buggy)
    result = run("convert", tree, "-o", tmp_path / "out", "--jobs", "1", "-q")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"gongwen: {tree / 'seeds' / 'wuchang-2023-work-report.md.txt'}: "
                                          "internal error (ValueError: bad thing); please report it"]
    assert len(xml_files(tmp_path / "out")) == len(inputs.plan([tree], tmp_path / "out")) - 1
    monkeypatch.setattr(batch, "contents", lambda *args: 1 / 0)
    record, xml = batch.process(inputs.Task(SEEDS[0], "x.txt", tmp_path / "x.xml"), batch.Options())
    assert record.status == "failed" and record.error.startswith("internal error (ZeroDivisionError")


@pytest.mark.parametrize("golden", sorted(SAMPLES.glob("*/*.xml")), ids=lambda p: p.name)
def test_the_tag_scan_counts_documents_as_a_parse_does(golden):
    from converter import batch
    data = golden.read_bytes()
    assert batch.top_level_documents(data) == batch.contents(golden).documents


def test_the_tag_scan_counts_empty_and_nested_documents():
    from converter import batch
    xml = b'<archive><document form="a" id="d1"/><document id="d2"><transmitted><document id="d2.1">' \
          b'x</document></transmitted></document><documents/></archive>'
    assert batch.top_level_documents(xml) == 2
