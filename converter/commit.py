"""Group commit: a batch's outputs renamed into place in groups, while the conversion goes on.

Workers write complete temporaries (`writer.write_temporary`); the run makes
a group of them durable with one disk barrier and renames them
(`writer.commit`). A group's barrier and renames wait on the disk: tens of
milliseconds on a quiet one, half a second on a busy one. The run's own
thread also hands the workers their tasks, so the groups are committed in a
thread of their own, one at a time, and the workers are kept busy meanwhile:
a group that fills while the one before is still being committed goes on
taking records until that one has landed (the run waits for the disk only at
its last record; waiting at every full group held the tasks back, and the
workers, whose next task was not handed out, stood idle: 1,000 small files
at two jobs waited 0.13 s of 1.8 s).

Outputs are committed in the order their tasks are done; the report's
records are put back in task order after (`pool.in_order`). What a reader
of the outputs and of the report can rely on is unchanged: a record is
given only once its output is in place, records come in task order, and
the last group is committed before the workers are let go (if the run dies
while committing it, they are still there to clean up).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generator, Iterator, Protocol, Sequence, TypeVar

from converter import writer

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

# A group is committed when it holds this many outputs, or when its first output has waited
# this long as another record arrives, or at the last record; later, when the group before is
# still being committed then.
COMMIT_GROUP = 64
COMMIT_SECONDS = 1.0


class Committable(Protocol):
    """What a record tells the commit: the temporary written for it and its output's path (or None)."""

    @property
    def temporary(self) -> str | None: ...

    @property
    def output(self) -> str | None: ...


R = TypeVar("R", bound=Committable)
# What a record becomes once its group is committed: given the record and why its rename failed (None: it did not).
Settle = Callable[[R, "str | None"], R]


def committed(records: Iterator[tuple[int, R]], total: int, settle: Settle[R]) -> Generator[tuple[int, R], None, None]:
    """The `total` records, each with its task's index, in the order they come: a record with no output to
    commit at once, the others settled once their group is renamed into place (`pool.in_order` puts them in
    task order then).

    Records come as their tasks are done (`pool.completed_map`), not in task order, so an output is committed
    as it comes: in task order, a run that hands out its largest inputs first would hold a finished output
    until every one before it had come, and commit most of them at its end, while the workers stood idle.

    Outputs still held when the run stops (Ctrl-C, an error) are deleted:
    their old files stay, and the report does not count them. A group
    already being committed then is waited for: its outputs are in place,
    though no record tells of them, as no record tells of an output in place
    whose record waited in `in_order` for an earlier task's (each is complete,
    and a re-run skips it as up to date).
    """
    held: list[tuple[int, R]] = []      # the records whose output awaits its commit
    since = 0.0                         # when the first of them came
    arrived = 0
    running: tuple[list[tuple[int, R]], Future[list[str | None]]] | None = None    # the group the thread commits
    committer: ThreadPoolExecutor | None = None
    try:
        for index, record in records:
            arrived += 1
            if record.temporary is not None:
                since = time.monotonic() if not held else since
                held.append((index, record))    # (before any yield: a run stopped there deletes what is held)
            else:
                yield index, record     # (a skipped or failed input: nothing to wait for)
            if running is not None and running[1].done():
                done, running = landed(running, settle), None
                yield from done
            last = arrived == total
            if last or (held and (len(held) >= COMMIT_GROUP or time.monotonic() - since >= COMMIT_SECONDS)):
                if running is not None and not last:
                    continue        # one commit at a time: this group grows until the one before has landed
                if running is not None:
                    done, running = landed(running, settle), None
                    yield from done
                group, held = held, []
                if last:                        # here, before the workers are let go
                    yield from settled(group, commit(group), settle)
                elif group:
                    committer = committer or thread()
                    running = (group, committer.submit(commit, group))
        if running is not None:
            done, running = landed(running, settle), None
            yield from done
        group, held = held, []
        yield from settled(group, commit(group), settle)
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()             # the workers stop first: one may still be writing
        if committer is not None:
            committer.shutdown(wait=True)       # a group under way lands (or fails) whole
        for _, record in held:
            with contextlib.suppress(OSError):
                os.unlink(record.temporary or "")


def thread() -> ThreadPoolExecutor:
    """The thread that commits the groups before the last."""
    from concurrent.futures import ThreadPoolExecutor   # (here: a batch of one group never needs it)

    writer.libc_syncfs()        # looked up here: an import in the thread could hold the import lock as a worker forks
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="gongwen-commit")


def landed(running: tuple[list[tuple[int, R]], Future[list[str | None]]], settle: Settle[R]) -> list[tuple[int, R]]:
    """The records of the group the thread commits, settled once it has (waiting for it if need be)."""
    group, future = running
    return settled(group, future.result(), settle)


def commit(group: Sequence[tuple[int, R]]) -> list[str | None]:
    """Rename the group's outputs into place, durably; for each record, None or why its output failed."""
    pending: list[tuple[Path, Path]] = []
    for _, record in group:
        if record.temporary is not None and record.output:
            pending.append((Path(record.temporary), Path(record.output)))
    problems = iter(writer.commit(pending) if pending else [])
    return [next(problems) if record.temporary is not None and record.output else None for _, record in group]


def settled(group: Sequence[tuple[int, R]], problems: list[str | None], settle: Settle[R]) -> list[tuple[int, R]]:
    return [(index, settle(record, problem)) for (index, record), problem in zip(group, problems)]
