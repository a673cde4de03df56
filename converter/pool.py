"""An ordered process pool that stops cleanly when interrupted.

multiprocessing.Pool shares one task queue, and its locks, among the
workers: a worker terminated while holding one can hang Pool.terminate().
Here each worker has a pipe of its own and gets one task at a time, so a
worker can be stopped, or die, without touching the others.

Interruption: workers ignore SIGINT (Ctrl-C reaches the whole process
group; the parent decides). The parent turns SIGINT and SIGTERM into
KeyboardInterrupt, and on its way out sends SIGTERM to every worker, which
unwinds it with SystemExit so that `finally` blocks — the one in
writer.write_atomic that deletes a temporary file — still run.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import deque
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# How long a stopped worker may take to clean up before it is killed.
GRACE_SECONDS = 5.0


class Interrupted(KeyboardInterrupt):
    """SIGTERM (or SIGINT) in the parent: unwind like Ctrl-C, remembering which signal."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """While inside, SIGTERM raises Interrupted in this process, as Ctrl-C raises KeyboardInterrupt."""
    def raise_interrupted(signum, frame):
        raise Interrupted(signum)
    try:
        previous = signal.signal(signal.SIGTERM, raise_interrupted)
    except ValueError:          # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def default_jobs() -> int:
    """The CPUs this process may run on (a container's limit, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def context():
    """fork where it is safe and fast (Linux): workers inherit loaded modules and the parsed schema."""
    import multiprocessing     # here, not at the top: a one-job run should not pay for importing it

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx, func: Callable) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=serve, args=(child, func), daemon=True)
        self.process.start()
        child.close()            # else the parent never sees EOF when the worker dies
        self.index: int | None = None


def serve(conn, func: Callable) -> None:
    """A worker's loop: take a task, send back its result, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, exit_on_signal)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return               # the parent is gone
        if message is None:
            return
        index, item = message
        try:
            reply = (index, True, func(item))
        except Exception as exc:  # reported by the parent as a crash of this task
            reply = (index, False, f"{type(exc).__name__}: {' '.join(str(exc).split())}")
        conn.send(reply)


def exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def ordered_map(func: Callable[[T], R], items: Sequence[T], jobs: int,
                crashed: Callable[[T, str], R]) -> Iterator[R]:
    """func(item) for each item in worker processes; results in item order.

    `crashed(item, reason)` stands in for the result of an item whose worker
    died or raised; a new worker takes the dead one's place.
    """
    from multiprocessing.connection import wait   # (not at the top: see context())

    ctx = context()
    sys.stdout.flush()
    sys.stderr.flush()
    todo = deque(range(len(items)))
    workers = [Worker(ctx, func) for _ in range(min(jobs, len(items)))]
    results: dict[int, R] = {}
    emitted = 0
    finished = False
    try:
        for worker in workers:
            hand_out(worker, todo, items)
        while emitted < len(items):
            busy = {worker.conn: worker for worker in workers if worker.index is not None}
            for conn in wait(list(busy)):
                worker = busy[conn]
                index, result = receive(worker, items, crashed)
                results[index] = result
                if not worker.process.is_alive() or worker.conn.closed:
                    workers.remove(worker)
                    worker = Worker(ctx, func)
                    workers.append(worker)
                worker.index = None
                hand_out(worker, todo, items)
            while emitted in results:
                yield results.pop(emitted)
                emitted += 1
        finished = True
    finally:
        stop(workers, finished)


def hand_out(worker: Worker, todo: deque, items: Sequence) -> None:
    if todo:
        worker.index = todo.popleft()
        worker.conn.send((worker.index, items[worker.index]))


def receive(worker: Worker, items: Sequence, crashed: Callable) -> tuple[int, object]:
    """(index, result) from a busy worker; a crash result when it died or raised."""
    index = worker.index
    try:
        got, ok, payload = worker.conn.recv()
    except Exception:          # EOF or a message cut off: the worker died
        worker.process.join(GRACE_SECONDS)
        worker.conn.close()
        return index, crashed(items[index], describe_exit(worker.process.exitcode))
    return (got, payload) if ok else (got, crashed(items[got], payload))


def describe_exit(code: int | None) -> str:
    if code is None:
        return "it stopped answering"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def stop(workers: list[Worker], finished: bool) -> None:
    """Let idle workers go; on interruption, terminate busy ones and wait for their clean-up."""
    for worker in workers:
        try:
            if finished and not worker.conn.closed:
                worker.conn.send(None)
            elif worker.process.is_alive():
                worker.process.terminate()
        except OSError:
            pass
    for worker in workers:
        worker.process.join(GRACE_SECONDS)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        if not worker.conn.closed:
            worker.conn.close()
