"""Differential check for speed work: this checkout and a base revision convert the same fuzz cases alike.

A fast path must give what the path it bypasses gave. The samples and the
fixtures pin that down for the inputs we have; this pins it down for many
more: the mutated windows of the samples that tests/fuzz.py makes (a few
lines to whole documents, lines deleted, duplicated, swapped, odd Unicode,
numbering, tables …), and random HTML pages of tests/test_web.py's pieces. Both trees convert the same files with `gongwen
convert`; every output must be byte-identical and every message the same.

    python -m tests.differential --base main~3 --cases 400           # before merging a speed branch
    python -m tests.differential --base 35bf11f --cases 2000 --scale 0.2

The base is checked out with `git worktree` into a temporary folder and run
from there (PYTHONPATH first), so nothing of this checkout is touched.
Prints each difference and a summary; exit 1 when any case differs.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.fuzz import make_case
from tests.test_web import HTML_PIECES

REPO = Path(__file__).resolve().parent.parent
# The timing of the summary line ("… 143 warnings; 2.6 MB in 3.63 s (0.71 MB/s)"): the one part that may differ.
TIMING = re.compile(r" in [0-9.]+ s \([0-9.]+ MB/s\)")


def convert(tree: Path, inputs: Path, out: Path, jobs: int) -> list[str]:
    """`gongwen convert inputs -o out` with the converter of `tree`; its messages, one per line, tree-neutral."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-m", "converter", "convert", str(inputs), "-o", str(out), "--force",
                           "--jobs", str(jobs)], cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"gongwen failed in {tree} ({done.returncode}):\n{done.stderr}")
    return sorted(TIMING.sub("", done.stderr.replace(str(inputs), "IN").replace(str(out), "OUT")).splitlines())


def differences(base_out: Path, new_out: Path) -> list[str]:
    """The outputs one tree wrote and the other did not, or wrote otherwise."""
    names = sorted({p.relative_to(base_out) for p in base_out.rglob("*.xml")}
                   | {p.relative_to(new_out) for p in new_out.rglob("*.xml")})
    found = []
    for name in names:
        a, b = base_out / name, new_out / name
        if not a.exists() or not b.exists():
            found.append(f"{name}: written by {'this checkout' if b.exists() else 'the base'} only")
        elif a.read_bytes() != b.read_bytes():
            found.append(f"{name}: outputs differ")
    return found


def random_page(seed: int, index: int) -> bytes:
    """A page of tests/test_web.py's HTML pieces (tags, references, template code, catalogue lines …) at random."""
    rng = random.Random(f"page:{seed}:{index}")
    return ("<html><body>" + "".join(rng.choice(HTML_PIECES) for _ in range(rng.randint(1, 120)))).encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="the revision to compare with (main, a hash, HEAD~2)")
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=0.05, help="size of the big mutations (fuzz.py's --scale)")
    parser.add_argument("--pages", type=int, default=200, help="random HTML pages besides the cases (default 200)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gongwen-differential-") as tmp:
        root = Path(tmp)
        base = root / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], cwd=REPO, check=True)
        try:
            inputs = root / "in"
            inputs.mkdir()
            for index in range(args.cases):
                case = make_case(args.seed, index, args.scale)
                (inputs / f"case{index:05d}.txt").write_bytes(case.data)
            for index in range(args.pages):
                (inputs / f"page{index:05d}.html").write_bytes(random_page(args.seed, index))
            said = {tree: convert(tree, inputs, root / f"out-{name}", args.jobs)
                    for name, tree in (("base", base), ("new", REPO))}
            found = differences(root / "out-base", root / "out-new")
            if said[base] != said[REPO]:
                found += [f"message only in the base: {m}" for m in sorted(set(said[base]) - set(said[REPO]))]
                found += [f"message only in this checkout: {m}" for m in sorted(set(said[REPO]) - set(said[base]))]
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO, check=False)
    for line in found:
        print(line)
    print(f"{args.cases} cases and {args.pages} pages (seed {args.seed}, scale {args.scale}) against {args.base}: "
          f"{len(found)} difference(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
