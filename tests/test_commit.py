"""Group commit (issue 12): a batch renames its outputs into place in groups, with one disk
barrier a group, and keeps the guarantee that a name only ever points at a complete, synced file."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from converter import batch, commit, inputs, pool, writer
from tests.conftest import SAMPLES

SMALL = sorted((SAMPLES / "seeds").glob("*.txt"))


def tasks_for(tmp_path: Path, sources: list[Path]) -> list[inputs.Task]:
    return [inputs.Task(source, source.name, tmp_path / "out" / writer.output_name(source)) for source in sources]


def temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.tmp"))


def until(condition, seconds: float = 5.0) -> bool:
    """Whether `condition()` holds within `seconds` (asked every millisecond)."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.001)
    return True


def in_task_order(records, total: int):
    """What a batch reports of records that come in task order: committed, then put in task order."""
    return pool.in_order(commit.committed(enumerate(records), total, batch.settle))


def test_a_batch_syncs_its_outputs_once_not_once_a_file(tmp_path, monkeypatch):
    calls: list[tuple[str, int]] = []
    real_sync, real_folder = writer.sync_files, writer.sync_folder
    monkeypatch.setattr(writer, "sync_files", lambda paths: (calls.append(("data", len(paths))), real_sync(paths))[1])
    monkeypatch.setattr(writer, "sync_folder", lambda folder: (calls.append(("folder", 1)), real_folder(folder))[1])
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(("fsync", 1)))
    tasks = tasks_for(tmp_path, SMALL)
    records = list(batch.run(tasks, batch.Options(force=True), jobs=1))
    assert [r.status for r in records] == ["converted"] * len(SMALL)
    assert all(r.temporary is None for r in records)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(t.output.name for t in tasks)
    # one barrier for the data of all of them, one sync of their one folder; fsync only where syncfs is missing
    assert calls[0] == ("data", len(SMALL)) and calls.count(("folder", 1)) == 1
    assert calls.count(("fsync", 1)) == (1 if writer.libc_syncfs() is not None else len(SMALL) + 1)


def test_the_data_is_synced_before_any_rename_and_the_folder_after(tmp_path, monkeypatch):
    order: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(writer, "sync_files", lambda paths: (order.append("data"), {})[1])
    monkeypatch.setattr(writer, "sync_folder", lambda folder: order.append("folder"))
    monkeypatch.setattr(os, "replace", lambda a, b: (order.append("rename"), real_replace(a, b))[1])
    list(batch.run(tasks_for(tmp_path, SMALL[:3]), batch.Options(force=True), jobs=1))
    assert order == ["data", "rename", "rename", "rename", "folder"]


def test_a_group_is_committed_when_it_is_full(tmp_path, monkeypatch):
    monkeypatch.setattr(commit, "COMMIT_GROUP", 2)
    groups: list[int] = []
    real = writer.commit
    monkeypatch.setattr(writer, "commit", lambda pending: (groups.append(len(pending)), real(pending))[1])
    list(batch.run(tasks_for(tmp_path, SMALL[:5]), batch.Options(force=True), jobs=1))
    assert groups == [2, 2, 1]


def test_a_record_comes_only_once_its_output_is_in_place(tmp_path):
    for record in batch.run(tasks_for(tmp_path, SMALL[:3]), batch.Options(force=True), jobs=1):
        assert record.output is not None and Path(record.output).is_file()


def test_an_output_that_cannot_be_renamed_fails_alone_and_leaves_no_temporary(tmp_path, monkeypatch):
    tasks = tasks_for(tmp_path, SMALL[:3])
    real_replace = os.replace

    def replace(a, b):
        if Path(b) == tasks[1].output:
            raise PermissionError(13, "Permission denied")
        real_replace(a, b)
    monkeypatch.setattr(os, "replace", replace)
    records = list(batch.run(tasks, batch.Options(force=True), jobs=1))
    assert [r.status for r in records] == ["converted", "failed", "converted"]
    assert records[1].error == f"cannot write output {tasks[1].output}: Permission denied"
    assert not tasks[1].output.exists() and tasks[2].output.exists()
    assert temporaries(tmp_path) == []


def test_a_run_stopped_midway_deletes_what_it_had_not_committed(tmp_path, monkeypatch):
    monkeypatch.setattr(commit, "COMMIT_GROUP", 2)
    tasks = tasks_for(tmp_path, SMALL)
    old = tasks[-1].output
    old.parent.mkdir(parents=True)
    old.write_bytes(b"<old/>")
    results = batch.run(tasks, batch.Options(force=True), jobs=1)
    first = next(results)
    results.close()                     # as Ctrl-C closes it in the command
    assert Path(first.output or "").is_file()
    assert old.read_bytes() == b"<old/>"          # the old output stays: the new one was never renamed
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_workers_write_temporaries_the_parent_commits(tmp_path, jobs):
    tasks = tasks_for(tmp_path, SMALL)
    records = list(batch.run(tasks, batch.Options(force=True, timeout=60), jobs=jobs))
    assert [r.status for r in records] == ["converted"] * len(SMALL)
    assert all(t.output is not None and t.output.stat().st_size > 0 for t in tasks)
    assert temporaries(tmp_path) == []


def test_a_temporary_is_named_for_the_run_that_commits_it(tmp_path):
    tmp = writer.write_temporary(tmp_path / "a.xml", b"<archive/>", owner=os.getpid())
    assert tmp.name.startswith(f".a.xml.{writer.machine_tag()}-{os.getpid()}.") and tmp.read_bytes() == b"<archive/>"
    assert writer.remove_temporaries([tmp_path / "a.xml"]) == 0            # its owner is alive: not stale
    # the run sweeping at its end takes its own, alive as it is
    assert writer.remove_temporaries([tmp_path / "a.xml"], owner=os.getpid()) == 1
    assert not tmp.exists()


def test_records_with_nothing_to_commit_come_at_once():
    # a re-run that skips everything: no record waits for the end of the batch
    pulled: list[int] = []

    def source():
        for k in range(1000):
            pulled.append(k)
            yield batch.Record(f"in{k}.txt", f"out{k}.xml", "skipped")
    records = in_task_order(source(), 1000)
    assert next(records).path == "in0.txt" and pulled == [0]
    assert [r.path for r in records] == [f"in{k}.txt" for k in range(1, 1000)]


def test_a_record_after_an_output_waiting_to_be_committed_waits_with_it(tmp_path):
    tmp = writer.write_temporary(tmp_path / "a.xml", b"<archive/>", owner=os.getpid())
    waiting = batch.Record("a.txt", str(tmp_path / "a.xml"), "converted", temporary=str(tmp))
    failed = batch.Record("b.txt", None, "failed", error="no such file")
    assert [(r.path, r.status) for r in in_task_order(iter([waiting, failed]), 2)] == [("a.txt", "converted"),
                                                                                            ("b.txt", "failed")]
    assert (tmp_path / "a.xml").read_bytes() == b"<archive/>" and temporaries(tmp_path) == []


def test_an_output_whose_data_cannot_be_synced_is_not_renamed(tmp_path, monkeypatch):
    # a disk error at the barrier: that output fails (its old file stays), the others go on
    tasks = tasks_for(tmp_path, SMALL[:2])
    tasks[0].output.parent.mkdir(parents=True)
    tasks[0].output.write_bytes(b"<old/>")
    monkeypatch.setattr(writer, "libc_syncfs", lambda: None)        # an fsync a file, as where there is no syncfs
    real = os.fsync
    synced: list[int] = []

    def fsync(fd):
        if not synced:
            synced.append(fd)
            raise OSError(5, "Input/output error")
        real(fd)
    monkeypatch.setattr(os, "fsync", fsync)
    records = list(batch.run(tasks, batch.Options(force=True), jobs=1))
    assert [r.status for r in records] == ["failed", "converted"]
    assert records[0].error == f"cannot write output {tasks[0].output}: Input/output error"
    assert tasks[0].output.read_bytes() == b"<old/>" and tasks[1].output.is_file()
    assert temporaries(tmp_path) == []


@pytest.fixture
def slow_disk(monkeypatch) -> threading.Event:
    """Groups of two, whose commits wait until the event is set (a busy disk), 5 s at most."""
    monkeypatch.setattr(commit, "COMMIT_GROUP", 2)
    disk_ready = threading.Event()
    real_commit = writer.commit
    monkeypatch.setattr(writer, "commit", lambda pending: (disk_ready.wait(5), real_commit(pending))[1])
    return disk_ready


def written_until_the_disk_is_free(outputs: list[Path], free_at: int, disk: threading.Event,
                                   seen_in_place: list[bool]):
    """A record for each output, its temporary written, in task order; before the one at index `free_at` it notes
    whether the first output is in place yet, then frees the slow disk."""
    for k, output in enumerate(outputs):
        if k == free_at:
            seen_in_place.append(outputs[0].exists())
            disk.set()
        tmp = writer.write_temporary(output, f"<a n='{k}'/>".encode(), owner=os.getpid())
        yield batch.Record(f"{k}.txt", str(output), "converted", temporary=str(tmp))


def assert_each_in_place(records: list[batch.Record], outputs: list[Path], folder: Path) -> None:
    """Every record in task order and settled, every output in place with its content, no temporary left."""
    assert [r.path for r in records] == [f"{k}.txt" for k in range(len(outputs))]
    assert all(r.temporary is None for r in records)
    assert [o.read_bytes() for o in outputs] == [f"<a n='{k}'/>".encode() for k in range(len(outputs))]
    assert temporaries(folder) == []


def test_the_conversion_goes_on_while_a_group_is_committed(tmp_path, slow_disk):
    # a busy disk holds a group's renames for a while: the next records are taken meanwhile
    outputs = [tmp_path / f"{k}.xml" for k in range(6)]
    seen_in_place: list[bool] = []

    # (at the fourth: the first group is being committed; its outputs are not in place yet)
    records = list(in_task_order(written_until_the_disk_is_free(outputs, 3, slow_disk, seen_in_place), len(outputs)))
    assert seen_in_place == [False]
    assert_each_in_place(records, outputs, tmp_path)


def test_a_run_stopped_while_a_group_is_committed_lets_it_land_and_deletes_the_rest(tmp_path, slow_disk):
    outputs = [tmp_path / f"{k}.xml" for k in range(4)]

    def source():
        for k, output in enumerate(outputs):
            if k == 3:
                slow_disk.set()
                raise KeyboardInterrupt          # Ctrl-C as the fourth input is converted
            tmp = writer.write_temporary(output, b"<a/>", owner=os.getpid())
            yield batch.Record(f"{k}.txt", str(output), "converted", temporary=str(tmp))
    with pytest.raises(KeyboardInterrupt):
        list(in_task_order(source(), len(outputs)))
    # the group under way landed whole; the third output, held for the next group, was deleted
    assert [o.exists() for o in outputs] == [True, True, False, False]
    assert temporaries(tmp_path) == []


def test_a_group_that_fills_while_the_one_before_is_committed_takes_more_records_meanwhile(tmp_path, slow_disk,
                                                                                             monkeypatch):
    # the run does not wait for the disk at a full group (the workers would wait for their next task):
    # records go on arriving, and the group grows until the one before has landed
    outputs = [tmp_path / f"{k}.xml" for k in range(7)]
    seen_in_place: list[bool] = []
    groups: list[int] = []
    slowed = writer.commit
    monkeypatch.setattr(writer, "commit", lambda pending: (groups.append(len(pending)), slowed(pending))[1])

    # (at the sixth: the first group is with the busy disk; two more have filled since)
    records = list(in_task_order(written_until_the_disk_is_free(outputs, 5, slow_disk, seen_in_place), len(outputs)))
    assert seen_in_place == [False]
    # (how the rest is grouped depends on when the first lands: each output in one group, in order)
    assert groups[0] == 2 and sum(groups) == 7 and len(groups) <= 3
    assert_each_in_place(records, outputs, tmp_path)


def test_outputs_are_committed_as_their_tasks_are_done_not_in_task_order(tmp_path, monkeypatch):
    # tasks handed out largest first finish out of order: the first two done make a group of their own,
    # renamed into place before the tasks before them have come (in task order they would wait for them)
    monkeypatch.setattr(commit, "COMMIT_GROUP", 2)
    outputs = [tmp_path / f"{k}.xml" for k in range(4)]

    in_place_before_the_first: list[bool] = []

    def done_out_of_order():
        for k in [2, 3, 0, 1]:
            if k == 0:          # the group of 2 and 3 is with the commit thread: it lands (a few ms) unasked
                in_place_before_the_first.append(until(lambda: outputs[2].exists() and outputs[3].exists()))
            tmp = writer.write_temporary(outputs[k], f"<a n='{k}'/>".encode(), owner=os.getpid())
            yield k, batch.Record(f"{k}.txt", str(outputs[k]), "converted", temporary=str(tmp))
    settled = list(commit.committed(done_out_of_order(), 4, batch.settle))
    assert in_place_before_the_first == [True]
    assert [k for k, _ in settled] == [2, 3, 0, 1] and all(r.temporary is None for _, r in settled)
    assert [r.path for r in pool.in_order(iter(settled))] == ["0.txt", "1.txt", "2.txt", "3.txt"]
    assert [o.read_bytes() for o in outputs] == [f"<a n='{k}'/>".encode() for k in range(4)]
    assert temporaries(tmp_path) == []
