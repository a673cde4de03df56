"""An ordered process pool that stops cleanly when interrupted, timed out or orphaned.

multiprocessing.Pool shares one task queue, and its locks, among the
workers: a worker terminated while holding one can hang Pool.terminate().
Here each worker has a pipe of its own and gets one task at a time, so a
worker can be stopped, time out, or die, without touching the others.

Pipes: a forked worker inherits every descriptor the parent holds, among
them the parent's ends of the other workers' pipes, which would keep those
pipes open after the parent dies. Each worker closes them at once, keeping
only its own end and a lifeline: a pipe whose write end only the parent
holds. When the parent is gone (even by SIGKILL) the lifeline reads EOF
and the worker stops itself like SIGTERM would, mid-task too.

Interruption: workers ignore SIGINT (Ctrl-C reaches the whole process
group; the parent decides). The parent turns SIGINT and SIGTERM into
KeyboardInterrupt, and on its way out sends SIGTERM to every worker, which
unwinds it with SystemExit so that `finally` blocks — the one in
writer.write_atomic that deletes a temporary file — still run. Both
signals are blocked while a worker is forked, so that one arriving before
the worker has set its handlers waits for them.

Time limit: a task that runs past `timeout` seconds has its worker stopped
(SIGTERM, then SIGKILL after a grace period) and replaced.

Messages: a worker is given the items once, as it starts (a forked one
inherits them; another gets them pickled with its arguments), and a task
is then its index alone, eight bytes: the parent pickles nothing per task,
and a task waiting in a pipe can never fill it.

Keeping the cores busy: while enough tasks are left for every worker, a
worker holds its next task in its pipe beside the one it runs, so that it
goes on the moment it sends a result instead of waiting for the parent to
read it and answer (a task waiting so has not started: its clock starts
when the one before it ends, and a worker that dies or is stopped gives it
back untouched). Tasks are handed out in the order the caller asks
(`order`: the largest first, so that no big one is left to run alone at
the end); `ordered_map` gives the results in item order all the same,
`completed_map` each as it is done, with its index (a batch renames an
output into place as it comes, not once every one before it has come).

Why not pebble: its ProcessPool does per-task timeouts and crash isolation,
but it feeds all workers from one shared channel behind a lock (the design
this module avoids), takes every task up front as a future, and leaves
orphan handling to the platform; the guarantees above are each a few lines
here, and tested.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections import deque
from types import FrameType
from typing import TYPE_CHECKING, Any, Callable, Generator, Iterable, Iterator, Sequence, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext

T = TypeVar("T")
R = TypeVar("R")

# How long a stopped worker may take to clean up before it is killed.
GRACE_SECONDS = 5.0
# How long a timed-out worker may take to unwind (its task already took too long).
TIMEOUT_GRACE_SECONDS = 1.0
# The signals a worker must not receive before its handlers are set.
BLOCKED_WHILE_FORKING = {signal.SIGINT, signal.SIGTERM}


class Interrupted(KeyboardInterrupt):
    """SIGTERM (or SIGINT) in the parent: unwind like Ctrl-C, remembering which signal."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """While inside, SIGTERM raises Interrupted in this process, as Ctrl-C raises KeyboardInterrupt."""
    def raise_interrupted(signum: int, frame: FrameType | None) -> None:
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


def context() -> BaseContext:
    """fork where it is safe and fast (Linux): workers inherit loaded modules and the parsed schema."""
    import multiprocessing     # here, not at the top: a one-job run should not pay for importing it

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class Worker:
    """One worker process, the parent's end of its pipe, and its task."""

    def __init__(self, ctx: Any, func: Callable[..., Any], items: Sequence[Any], lifeline: int, inherited: list[int],
                 orphaned: Callable[[list[Any]], None] | None = None) -> None:
        self.conn, child = ctx.Pipe()
        forked = ctx.get_start_method() == "fork"
        # what a forked child must close: every parent end, its own included, and the lifeline's write end
        to_close = [*inherited, self.conn.fileno()] if forked else []
        self.process = ctx.Process(target=serve, args=(child, func, items, lifeline if forked else None, to_close,
                                                       orphaned), daemon=True)
        with signals_blocked():
            self.process.start()
        child.close()            # else the parent never sees EOF when the worker dies
        self.queue: deque[int] = deque()      # its tasks: the one it runs, then the one waiting in its pipe
        self.started = 0.0                    # when the task it runs started


@contextlib.contextmanager
def signals_blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, BLOCKED_WHILE_FORKING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def serve(conn: Connection, func: Callable[..., Any], items: Sequence[Any], lifeline: int | None, to_close: list[int],
          orphaned: Callable[[list[Any]], None] | None = None) -> None:
    """A worker's loop: take a task, send back its result, until told to stop or orphaned.

    Orphaned, it calls `orphaned(items it was given)` on its way out: what
    the dead parent would have finished with them (renamed outputs into
    place) will not happen, and only the worker is left to clean up.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, exit_on_signal)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, BLOCKED_WHILE_FORKING)
    for fd in to_close:
        with contextlib.suppress(OSError):
            os.close(fd)
    parent_gone = threading.Event()
    if lifeline is not None:
        threading.Thread(target=stop_when_orphaned, args=(lifeline, parent_gone), daemon=True).start()
    given: list[Any] = []
    try:
        if not answer(conn, func, items, given):
            clean_up(orphaned, given)
    except SystemExit:          # the lifeline's SIGTERM: mid-task, or before clean_up could ignore it
        if parent_gone.is_set():
            clean_up(orphaned, given)
        raise


def clean_up(orphaned: Callable[[list[Any]], None] | None, given: list[Any]) -> None:
    if orphaned is not None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)   # the lifeline's SIGTERM must not cut it short
        orphaned(given)


def answer(conn: Connection, func: Callable[..., Any], items: Sequence[Any], given: list[Any]) -> bool:
    """Take tasks (indices into `items`) and send back their results until told to stop (True) or the parent is
    gone (False).

    Each task taken is added to `given`.
    """
    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):
            return False         # the parent is gone
        if message == STOP:
            return True
        index = int.from_bytes(message, "little")
        item = items[index]
        given.append(item)
        try:
            reply = (index, True, func(item))
        except Exception as exc:  # reported by the parent as a crash of this task
            reply = (index, False, f"{type(exc).__name__}: {' '.join(str(exc).split())}")
        try:
            conn.send(reply)
        except OSError:
            return False         # the parent is gone


def stop_when_orphaned(lifeline: int, parent_gone: threading.Event) -> None:
    """Block on the lifeline; at EOF (the parent died) stop this worker as SIGTERM would."""
    with contextlib.suppress(OSError):
        while os.read(lifeline, 1):
            pass
    parent_gone.set()
    os.kill(os.getpid(), signal.SIGTERM)


def exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def ordered_map(func: Callable[[T], R], items: Sequence[T], jobs: int,
                crashed: Callable[[T, str], R], timeout: float | None = None,
                timed_out: Callable[[T, float], R] | None = None,
                order: Sequence[int] | None = None,
                orphaned: Callable[[list[T]], None] | None = None) -> Generator[R, None, None]:
    """func(item) for each item in worker processes; results in item order (completed_map, in_order)."""
    return in_order(completed_map(func, items, jobs, crashed, timeout, timed_out, order, orphaned))


def in_order(pairs: Iterator[tuple[int, R]]) -> Generator[R, None, None]:
    """The results of (index, result) pairs that come in any order, in index order from 0; `pairs` closed with it."""
    waiting: dict[int, R] = {}
    emitted = 0
    try:
        for index, result in pairs:
            waiting[index] = result
            while emitted in waiting:
                yield waiting.pop(emitted)
                emitted += 1
    finally:
        close = getattr(pairs, "close", None)
        if close is not None:
            close()


def completed_map(func: Callable[[T], R], items: Sequence[T], jobs: int,
                  crashed: Callable[[T, str], R], timeout: float | None = None,
                  timed_out: Callable[[T, float], R] | None = None,
                  order: Sequence[int] | None = None,
                  orphaned: Callable[[list[T]], None] | None = None) -> Generator[tuple[int, R], None, None]:
    """(index, func(item)) for each item, computed in worker processes, as each is done.

    `crashed(item, reason)` stands in for the result of an item whose worker
    died or raised; `timed_out(item, seconds)` for one that ran past
    `timeout` seconds (a crash, when not given). A new worker takes the
    place of one that died or was stopped. `order` is the order to hand the
    items out in (item order when not given). A worker whose parent died
    calls `orphaned(the items it was given)` as it stops.
    """
    from multiprocessing.connection import wait   # (not at the top: see context())

    ctx = context()
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()                 # forked workers then share the parent's objects instead of copying them at gc
    lifeline_read, lifeline_write = os.pipe()
    todo = deque(range(len(items)) if order is None else order)
    workers: list[Worker] = []

    def new_worker() -> Worker:
        inherited = [lifeline_write, *(w.conn.fileno() for w in workers if not w.conn.closed)]
        return Worker(ctx, func, items, lifeline_read, inherited, orphaned)

    received = 0
    finished = False
    try:
        for _ in range(min(jobs, len(items))):
            workers.append(new_worker())
        for worker in workers:
            hand_out(worker, todo, len(workers))
        while received < len(items):
            busy: dict[Any, Worker] = {worker.conn: worker for worker in workers if worker.queue}
            ready = wait(list(busy), timeout=time_left(busy.values(), timeout))
            now = time.monotonic()          # once: stopping one worker takes time the others must not be charged
            late = [worker for worker in busy.values() if worker.conn not in ready and past(worker, timeout, now)]
            done = [(busy[conn], receive(busy[conn], items, crashed)) for conn in ready]
            done += [(worker, overdue(worker, items, timeout, crashed, timed_out)) for worker in late]
            for worker, (index, result) in done:
                received += 1
                if not worker.process.is_alive() or worker.conn.closed:
                    todo.extendleft(reversed(worker.queue))     # its waiting task never started
                    workers.remove(worker)
                    worker = new_worker()
                    workers.append(worker)
                else:
                    worker.started = now        # the task waiting in its pipe started as this one ended
                hand_out(worker, todo, len(workers))
                yield index, result     # (its worker has its next task already)
        finished = True
    finally:
        stop(workers, finished)
        gc.unfreeze()
        os.close(lifeline_write)
        os.close(lifeline_read)


def largest_first(sizes: Sequence[int], window: int) -> list[int]:
    """Indices of the items, each run of `window` of them largest first (ties in item order).

    The order to hand tasks out in: at the end of a run the workers finish
    small tasks together instead of one of them working alone on a big one,
    and no task is handed out more than `window` places after its turn (the
    results, reported in item order, wait for at most that many).
    """
    order: list[int] = []
    for start in range(0, len(sizes), window):
        order.extend(sorted(range(start, min(start + window, len(sizes))), key=lambda k: -sizes[k]))
    return order


def time_left(busy: Iterable[Worker], timeout: float | None) -> float | None:
    """Seconds until the earliest busy worker's task runs out of time (None: no limit)."""
    if timeout is None or not busy:
        return None
    return max(0.0, min(worker.started for worker in busy) + timeout - time.monotonic())


def past(worker: Worker, timeout: float | None, now: float) -> bool:
    return timeout is not None and now - worker.started >= timeout


def overdue(worker: Worker, items: Sequence[Any], timeout: float | None, crashed: Callable[..., Any],
            timed_out: Callable[..., Any] | None) -> tuple[int, Any]:
    """Stop a worker whose task ran out of time; the task's stand-in result."""
    index = worker.queue.popleft()
    assert timeout is not None
    end(worker, TIMEOUT_GRACE_SECONDS)
    if timed_out is None:
        return index, crashed(items[index], f"it ran past {timeout:g} s")
    return index, timed_out(items[index], timeout)


def end(worker: Worker, grace: float) -> None:
    """SIGTERM (the worker unwinds, deleting its temporary file), SIGKILL after `grace` seconds."""
    with contextlib.suppress(OSError):
        worker.process.terminate()
    worker.process.join(grace)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.conn.close()


# How many tasks a worker holds at most: the one it runs and the next, waiting in its pipe.
WORKER_TASKS = 2
# A task's message: its index, in this many bytes; the empty message tells a worker to stop.
INDEX_BYTES = 8
STOP = b""


def hand_out(worker: Worker, todo: deque[int], workers: int) -> None:
    """Give an idle worker a task; give a busy one its next while every worker can still have one."""
    while todo and (not worker.queue or (len(worker.queue) < WORKER_TASKS and len(todo) >= workers)):
        index = todo.popleft()
        if not worker.queue:
            worker.started = time.monotonic()
        worker.queue.append(index)
        try:
            worker.conn.send_bytes(index.to_bytes(INDEX_BYTES, "little"))
        except OSError:
            # The worker died since its last result (the task it ran killed it): its end of the pipe reads
            # EOF next, the task it ran is reported crashed, and this one, never started, goes back to `todo`.
            return


def receive(worker: Worker, items: Sequence[Any], crashed: Callable[..., Any]) -> tuple[int, Any]:
    """(index, result) of the task a busy worker runs; a crash result when it died or raised."""
    index = worker.queue.popleft()      # only a busy worker is waited for
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
                worker.conn.send_bytes(STOP)
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
