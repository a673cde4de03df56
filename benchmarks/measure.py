"""Measuring a process from outside: wall seconds, CPU seconds, and the peak memory of its largest process.

bench.py times every run with these; `measure_together` starts several commands at once (the control of
two independent gongwen processes, each on half the corpus).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

# The commands run from the repository, so that `python -m converter` is this checkout's converter.
REPO = Path(__file__).resolve().parent.parent
# The children run with compiled bytecode, as an installed gongwen does.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# How often the memory of the processes measured is read.
POLL_SECONDS = 0.005


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def high_water_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_high_water(pid: int) -> None:
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def watch(root: int, peaks: dict[int, int], done: threading.Event) -> None:
    """Read the high-water mark of `root` and every process under it until `done`."""
    seen = {root}
    while not done.is_set():
        todo = [root]
        while todo:
            pid = todo.pop()
            for child in children(pid):
                if child not in seen:          # a forked worker starts from its parent's mark
                    seen.add(child)
                    reset_high_water(child)
                todo.append(child)
            kb = high_water_kb(pid)
            if kb is not None:
                peaks[pid] = max(peaks.get(pid, 0), kb)
        done.wait(POLL_SECONDS)


def measure(command: list[str], cwd: Path = REPO) -> dict[str, float]:
    """Wall seconds, CPU seconds (the process and those it waited for) and the peak of its largest process."""
    peaks: dict[int, int] = {}
    done = threading.Event()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, cwd=cwd)
    watcher = threading.Thread(target=watch, args=(process.pid, peaks, done), daemon=True)
    watcher.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    watcher.join()
    stderr = process.stderr.read().decode() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{stderr}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": max(peaks.values(), default=0) / 1024, "exit": process.returncode}


def measure_together(commands: list[list[str]], cwd: Path = REPO) -> dict[str, float]:
    """Several commands started at once: wall seconds until the last ends, CPU seconds of them all (no peak)."""
    start = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, cwd=cwd)
                 for command in commands]
    cpu = 0.0
    codes = []
    for process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
        codes.append(os.waitstatus_to_exitcode(status))
    seconds = time.perf_counter() - start
    for command, process, code in zip(commands, processes, codes):
        stderr = process.stderr.read().decode() if process.stderr else ""
        if code not in (0, 1):
            raise SystemExit(f"failed ({code}): {' '.join(command)}\n{stderr}")
    return {"seconds": seconds, "cpu": cpu, "exit": max(codes)}
