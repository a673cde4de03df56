"""The machine's own two-core ceiling: one fixed amount of Python work, done by one process or split between two.

    python benchmarks/ceiling.py 1      # all the work in one forked process
    python benchmarks/ceiling.py 2      # half of it in each of two, at once

bench.py runs both in every round beside `--jobs 1` and `--jobs 2`. On a
shared machine two busy cores are often slower each than one (a neighbour's
load, a shared cache, a lower clock), so "two jobs ran 1.6× faster than one"
says little until the same machine, in the same minutes, is seen to give
perfectly parallel work only, say, 1.75×. The work is interpreter work like a
conversion's (small strings, a dict, a list), not a tight arithmetic loop that
a busy neighbour's cache traffic would not touch. Both runs fork from one
launcher, so its start-up cancels out of the ratio.
"""

import os
import sys

WORK = 4_000_000        # about a second of one core


def work(steps: int) -> int:
    seen: dict[str, int] = {}
    kept: list[str] = []
    for k in range(steps):
        text = str(k)
        seen[text[-4:]] = k
        if k % 64 == 0:
            kept.append(text + "。")
    return len(seen) + len(kept)


def main(processes: int) -> None:
    children = []
    for _ in range(processes):
        pid = os.fork()
        if pid == 0:
            work(WORK // processes)
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)


if __name__ == "__main__":
    main(int(sys.argv[1]))
