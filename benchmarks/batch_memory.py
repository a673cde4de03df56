"""Whether a long batch's memory levels off: one process converts the same inputs pass after pass.

    python benchmarks/batch_memory.py              # 2,000 made-up notices, two halves, then both again
    python benchmarks/batch_memory.py --files 4000

A batch worker converts file after file in one process. Its memory (RSS)
grows over its first thousand files or so: bounded caches fill, the
allocator's arenas reach their working size, libxml2's dictionary of names
fills. This script tells that warm-up from a leak. It makes `--files`
notices of random Han text (none alike: numbers, titles and paragraphs all
drawn at random), converts the first half, then the second half (new
texts), then both halves again, each through `batch.process_record` as a
worker does, and prints the growth of RSS per file for each pass. A leak
grows in every pass; a warm-up only in the first.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import tempfile
from pathlib import Path

from converter import batch, inputs

# Characters the made-up texts are drawn from: common Han characters, numbers for headings.
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
NUMERALS = "一二三四五六七八九十"


def notice(rng: random.Random, k: int) -> str:
    """A made-up notice: title, 文号, recipients, numbered sections of paragraphs, signature and date."""
    def words(low: int, high: int) -> str:
        return "".join(rng.choice(HAN) for _ in range(rng.randint(low, high)))
    lines = [f"关于{words(2, 6)}工作的通知", f"{words(1, 2)}政发〔{2000 + k % 25}〕{k}号", "各区人民政府："]
    for i in range(rng.randint(3, 12)):
        lines.append(f"{NUMERALS[i % 10]}、{words(5, 20)}")
        lines.extend(words(20, 120) + "。" for _ in range(rng.randint(1, 4)))
    lines += [f"{words(2, 4)}市人民政府", f"{2000 + k % 25}年{k % 12 + 1}月{k % 28 + 1}日"]
    return "\n".join(lines) + "\n"


def rss_kb() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    files = parser.parse_args().files
    rng = random.Random(1)
    with tempfile.TemporaryDirectory(prefix="gongwen-memory-") as tmp:
        folder = Path(tmp) / "in"
        for k in range(files):
            path = folder / f"p{k // 100:03d}" / f"n{k}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(notice(rng, k), encoding="utf-8")
        tasks = inputs.plan([folder], Path(tmp) / "out")
        options = batch.Options(force=True, owner=os.getpid())
        half = len(tasks) // 2
        passes = [("first half", tasks[:half]), ("second half (new texts)", tasks[half:]),
                  ("first half again", tasks[:half]), ("second half again", tasks[half:])]
        before = rss_kb()
        for name, chunk in passes:
            for task in chunk:
                batch.process_record(task, options)
            gc.collect()
            now = rss_kb()
            print(f"{name:26s} RSS {now / 1024:6.1f} MB  {(now - before) / len(chunk):+6.2f} kB a file")
            before = now


if __name__ == "__main__":
    main()
