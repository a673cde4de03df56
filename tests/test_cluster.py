"""`gongwen convert --dask` (issue 14): a LocalCluster of two worker processes writes what a local batch writes.

One cluster serves the module (its start-up is most of the cost); the
default LocalCluster of `--dask` alone is started once more, by the CLI.
Remote URLs are exercised with fsspec's memory:// file system, in process.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import cluster, inputs
from converter.batch import Options
from converter.cli import main
from tests.conftest import ALL_SAMPLES

pytest.importorskip("distributed")
fsspec = pytest.importorskip("fsspec")
REPO = Path(__file__).resolve().parent.parent


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module", autouse=True)
def environment_kept():
    """Dask sets variables in its client's environment (PYTHONHASHSEED, MALLOC_TRIM_THRESHOLD_, OMP_NUM_THREADS …):
    put it back, so that the tests after these do not run their subprocesses under them."""
    import os
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                             host="127.0.0.1")
    with local:
        yield local.scheduler_address


@pytest.fixture
def samples(tmp_path) -> Path:
    for path in ALL_SAMPLES:
        (tmp_path / "in" / path.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, tmp_path / "in" / path.parent.name / path.name)
    return tmp_path / "in"


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def records(report: Path, out: Path | None = None) -> list[dict]:
    """The report's records without their times, outputs relative to `out`."""
    kept = [{k: v for k, v in r.items() if k != "seconds"} for r in json.loads(report.read_text(encoding="utf-8"))]
    for record in kept:
        if out is not None and record["output"]:
            record["output"] = Path(record["output"]).relative_to(out).as_posix()
    return kept


def test_a_cluster_writes_the_bytes_records_and_messages_of_a_local_batch(samples, tmp_path, scheduler):
    local, remote = tmp_path / "local", tmp_path / "remote"
    here = run("convert", samples, "-o", local, "--jobs", "1", "--report", tmp_path / "local.json")
    there = run("convert", f"file://{samples}", "-o", f"file://{remote}", "--dask", scheduler,
                "--report", tmp_path / "remote.json")
    assert here.exit_code == there.exit_code == 0, there.stderr
    assert files(remote) == files(local) and len(files(local)) == len(ALL_SAMPLES)
    assert records(tmp_path / "remote.json", remote) == records(tmp_path / "local.json", local)
    assert here.stderr.splitlines()[:-1] == there.stderr.splitlines()[:-1]        # warnings, in input order
    # a re-run on the cluster skips everything, and still reports the first run's warnings
    again = run("convert", f"file://{samples}", "-o", f"file://{remote}", "--dask", scheduler,
                "--report", tmp_path / "again.json")
    assert again.exit_code == 0
    warned = sum(len(r["warnings"]) for r in records(tmp_path / "local.json"))
    assert warned > 0
    assert f"0 converted, {len(ALL_SAMPLES)} skipped, 0 failed, {warned} warning" in again.stderr
    assert [r["warnings"] for r in records(tmp_path / "again.json")] == [
        r["warnings"] for r in records(tmp_path / "local.json")]


def test_a_bad_input_fails_alone_on_the_cluster(tmp_path, scheduler):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.txt").write_bytes(b"%PDF-1.7")
    shutil.copy(ALL_SAMPLES[0], tmp_path / "in")
    result = run("convert", tmp_path / "in", "-o", tmp_path / "out", "--dask", scheduler, "-q")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"gongwen: {tmp_path / 'in' / 'scan.txt'}: not a text document (looks like PDF)"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == [ALL_SAMPLES[0].stem + ".xml"]


def test_dask_alone_starts_a_local_cluster_of_jobs_workers(samples, tmp_path):
    """The CLI starts (and stops) a LocalCluster of its own; nothing of Dask's logging reaches the user."""
    subset = sorted(samples.rglob("*.txt"))[:3]
    listing = tmp_path / "list"
    listing.write_text("".join(f"{p}\n" for p in subset), encoding="utf-8")
    done = run("convert", "--files-from", listing, "-o", tmp_path / "out", "--dask", "--jobs", "2")
    assert done.exit_code == 0, done.stderr
    assert all(line.startswith("gongwen: ") for line in done.stderr.splitlines())     # no Dask logging
    assert done.stderr.splitlines()[-1].startswith("gongwen: 3 converted, 0 skipped, 0 failed")
    assert len(list((tmp_path / "out").rglob("*.xml"))) == 3


def test_an_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 0.3)
    result = run("convert", ALL_SAMPLES[0], "-o", tmp_path, "--dask", "tcp://127.0.0.1:9")
    assert result.exit_code == 1
    assert result.stderr.startswith("gongwen: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert result.stderr.count("\n") == 1
    assert run("convert", ALL_SAMPLES[0], "--dask").exit_code == 2          # the workers need -o


@pytest.fixture
def memory():
    fs = fsspec.filesystem("memory")
    for path in ALL_SAMPLES:
        fs.pipe_file(f"/gw-test/in/{path.parent.name}/{path.name}", path.read_bytes())
    fs.pipe_file("/gw-test/in/seeds/README.md", b"# notes\n")
    fs.pipe_file("/gw-test/in/.hidden.txt", "一、总体要求\n".encode())
    yield fs
    fs.rm("/gw-test", recursive=True)


def test_urls_are_planned_like_local_folders_and_staged_by_the_worker(memory, samples, tmp_path):
    tasks = cluster.plan(["memory:///gw-test/in"], "memory:///gw-test/out", inputs.DEFAULT_GLOBS,
                         inputs.DEFAULT_EXCLUDES)
    local = inputs.plan([samples], tmp_path / "out")
    assert [t.source.removeprefix("memory:///gw-test/in/") for t in tasks] == [
        Path(t.source).relative_to(samples).as_posix() for t in local]
    records = cluster.convert_chunk(tasks, Options())
    assert [r.status for r in records] == ["converted"] * len(ALL_SAMPLES)
    assert run("convert", samples, "-o", tmp_path / "out", "-q").exit_code == 0
    for task, record in zip(tasks, records):
        relative = task.output.removeprefix("memory:///gw-test/out/")
        assert record.output == task.output
        assert memory.cat_file(f"/gw-test/out/{relative}") == (tmp_path / "out" / relative).read_bytes()
    again = cluster.convert_chunk(tasks, Options())
    assert [r.status for r in again] == ["skipped"] * len(ALL_SAMPLES)
    assert [r.warnings for r in again] == [r.warnings for r in records]


def test_a_missing_remote_input_and_a_clash_fail_alone(memory):
    tasks = cluster.remote_plan(["memory:///gw-test/nothing.txt", "memory:///gw-test/in/seeds"],
                                "memory:///gw-test/out", inputs.DEFAULT_GLOBS, (), [
                                    "memory:///gw-test/in/more/ndrc-2019-860-notice.txt"])
    records = cluster.convert_chunk(tasks[:1], Options())
    assert records[0].status == "failed" and records[0].error == "no such file" and records[0].output is None
    readme = next(t for t in tasks if t.source.endswith("README.md"))
    assert readme.output == "memory:///gw-test/out/README.xml"         # excludes () : README taken
    assert tasks[-1].output == "memory:///gw-test/out/gw-test/in/more/ndrc-2019-860-notice.xml"
