"""Kill tests (issue 11): SIGKILL of the parent, of a worker, of the process group; two runs into one
folder; a disk that fills mid-batch. Never a hang, a partial file, a foreign file deleted, or an old output lost."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from converter import validation, writer
from tests.conftest import ALL_SAMPLES, sample_corpus

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")



def start(*args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "converter", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO, **kwargs)


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def written(out: Path) -> list[Path]:
    return list(out.rglob("*.xml")) if out.exists() else []


def temporaries(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.is_file() and not p.name.endswith(".xml")]


def under_way(out: Path) -> bool:
    """Three files written (outputs, or temporaries a batch has yet to rename into place, in groups)."""
    return out.exists() and sum(1 for p in out.rglob("*") if p.is_file()) >= 3


def assert_complete(paths: list[Path]) -> None:
    for path in paths:
        assert validation.problems(etree.parse(str(path)).getroot()) == [], path


def test_sigkill_of_the_parent_stops_the_workers_and_closes_the_pipes(tmp_path):
    out = tmp_path / "out"
    proc = start("convert", sample_corpus(tmp_path / "in", 12), "-o", out, "--jobs", "2", "-q")
    wait_for(lambda: under_way(out) and len(children(proc.pid)) == 2)
    workers = children(proc.pid)
    proc.kill()
    proc.communicate(timeout=30)            # hangs when a worker keeps the pipes open
    wait_for(lambda: not any(alive(pid) for pid in workers), 30)
    assert temporaries(out) == []           # each worker unwound and deleted its temporary file
    assert_complete(written(out))


def test_sigkill_of_a_worker_costs_its_one_file(tmp_path):
    out = tmp_path / "out"
    inputs = sample_corpus(tmp_path / "in", 6)
    proc = start("convert", inputs, "-o", out, "--jobs", "2", "-q")
    wait_for(lambda: under_way(out) and len(children(proc.pid)) == 2)
    os.kill(children(proc.pid)[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 1
    [line] = stderr.splitlines()
    assert line.startswith("gongwen: ") and line.endswith(": the worker converting it died (killed by SIGKILL); "
                                                          "please report it")
    # the file the worker was converting is lost, unless the kill came after it renamed its output into
    # place and before it answered: then that output is there, whole (the run still reports the death)
    assert len(written(out)) in (6 * len(ALL_SAMPLES) - 1, 6 * len(ALL_SAMPLES))
    assert temporaries(out) == []
    assert_complete(written(out))


def test_sigkill_of_the_process_group_leaves_complete_files_and_a_rerun_sweeps_the_rest(tmp_path):
    out = tmp_path / "out"
    inputs = sample_corpus(tmp_path / "in", 6)
    proc = start("convert", inputs, "-o", out, "--jobs", "2", "-q", start_new_session=True)
    wait_for(lambda: under_way(out) and len(children(proc.pid)) == 2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert_complete(written(out))           # what was renamed into place is whole
    assert all(p.name.startswith(".") and p.name.endswith(".tmp") for p in temporaries(out))
    done = start("convert", inputs, "-o", out, "--jobs", "2", "-q")
    done.communicate(timeout=120)
    assert done.returncode == 0
    assert temporaries(out) == [] and len(written(out)) == 6 * len(ALL_SAMPLES)
    assert_complete(written(out))


def test_two_runs_into_one_folder_do_not_delete_each_others_temporaries(tmp_path):
    out = tmp_path / "out"
    inputs = sample_corpus(tmp_path / "in", 3)
    out.mkdir()
    foreign = out / f".x.xml.{writer.machine_tag()}-{os.getpid()}.abcdefgh.tmp"    # a live writer's
    foreign.write_bytes(b"<archive")
    runs = [start("convert", inputs, "-o", out, "--jobs", "1", "--force", "-q") for _ in range(2)]
    for proc in runs:
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr
    assert foreign.exists()
    assert temporaries(out) == [foreign] and len(written(out)) == 3 * len(ALL_SAMPLES)
    assert_complete(written(out))


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs (root only): a disk that fills mid-batch."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_disk_that_fills_mid_batch(tmp_path, small_disk):
    inputs = sample_corpus(tmp_path / "in", 4)
    out = small_disk / "out"
    first = start("convert", inputs / "batch00", "-o", out / "batch00", "-q")
    first.communicate(timeout=60)
    assert first.returncode == 0
    old = {p: p.read_bytes() for p in written(out)}
    foreign = small_disk / "out" / "batch00" / ".notes.xml.tmp"
    foreign.write_bytes(b"someone else's")
    proc = start("convert", inputs, "-o", out, "--force", "--jobs", "2", "--report", small_disk / "r.json", "-q")
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1
    errors = stderr.splitlines()
    assert errors and all(line.startswith("gongwen: ") and "No space left on device" in line for line in errors)
    assert foreign.read_bytes() == b"someone else's"
    assert temporaries(out) == [foreign]
    assert_complete(written(out))
    for path, data in old.items():          # rewritten whole, or left as it was
        assert path.read_bytes() == data or validation.check_file(path) == []
