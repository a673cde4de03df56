"""How fast `gongwen validate` checks a big set, at one job and at two, measured in one run.

    python benchmarks/validate_bench.py                # 3,000 outputs: the samples' golden XML, copied
    python benchmarks/validate_bench.py --files 6000

Each run is a fresh process (`gongwen validate --jobs N`), timed from
outside, interpreter start included; its peak memory read from the OS. The
runs alternate and the fastest of each counts: on a shared machine, the
slower ones measure the neighbours.
Target (issue 14): two jobs at least 1.6× faster than one.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLDEN = sorted([*REPO.glob("samples/seeds/*.xml"), *REPO.glob("samples/more/*.xml")])


def build_set(folder: Path, files: int) -> int:
    """`files` copies of the golden outputs, a hundred a folder; returns their bytes."""
    total = 0
    for k in range(files):
        golden = GOLDEN[k % len(GOLDEN)]
        target = folder / f"part{k // 100:03d}" / f"{k:05d}-{golden.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(golden, target)
        total += golden.stat().st_size
    return total


def timed(args: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, done.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, alternating; the fastest counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        size = build_set(Path(tmp), args.files)
        print(f"{args.files} files, {size / 1e6:.0f} MB")
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(args.repeat):
            for jobs in (1, 2):
                seconds, rss, summary = timed([sys.executable, "-m", "converter", "validate", "--jobs", str(jobs), tmp])
                times[jobs].append(seconds)
                print(f"--jobs {jobs}: {seconds:.2f} s ({size / 1e6 / seconds:.0f} MB/s), peak RSS so far {rss} MB; "
                      f"{summary}")
        best = {jobs: min(runs) for jobs, runs in times.items()}
        print(f"fastest: --jobs 1 {best[1]:.2f} s, --jobs 2 {best[2]:.2f} s: "
              f"two jobs are {best[1] / best[2]:.2f}× faster than one")


if __name__ == "__main__":
    main()
