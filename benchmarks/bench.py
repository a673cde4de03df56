"""How fast gongwen converts, next to the floor, measured in one run.

    python benchmarks/bench.py                 # ≥ 8 MB corpus: floor, --jobs 1, --jobs 2
    python benchmarks/bench.py --size-mb 32    # a bigger corpus
    python benchmarks/bench.py --scale         # also: one big file at 1/4/16 MB, pathological inputs
    python benchmarks/bench.py --profile       # also: cProfile of the conversion, converter functions only

The corpus is the samples replicated into a temporary directory. The floor
reads each file, puts one <p> per non-empty line into an lxml tree,
serialises and writes it: what any converter to XML must do at least.
`gongwen convert` runs with validation (it always validates) and --force.
Every measurement is a fresh process, timed from outside (interpreter start
included on both sides), its peak resident memory read from the OS.

Targets (issue 6): convert ≤ 8× the floor at one job; two jobs ≥ 1.6× faster than one.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted([*REPO.glob("samples/seeds/*.txt"), *REPO.glob("samples/more/*.txt")])
MB = 1_000_000


# --- the corpus ------------------------------------------------------------------------------

def build_corpus(folder: Path, size_mb: float) -> int:
    """Copies of the samples in folder/copyNN/ until there are size_mb megabytes; returns bytes."""
    total, k = 0, 0
    while total < size_mb * MB:
        copy = folder / f"copy{k:03d}"
        copy.mkdir(parents=True)
        for sample in SAMPLES:
            shutil.copy(sample, copy / sample.name)
            total += sample.stat().st_size
        k += 1
    return total


# --- the floor -------------------------------------------------------------------------------

def floor(corpus: Path, out: Path) -> None:
    """Read, one <p> per non-empty line, serialise, write: the least a text-to-XML converter does."""
    from lxml import etree

    for path in sorted(corpus.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        root = etree.Element("archive")
        for line in text.splitlines():
            if line.strip():
                etree.SubElement(root, "p").text = line
        target = out / path.relative_to(corpus).with_suffix(".xml")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


# --- measuring a process -------------------------------------------------------------------------

def measure(command: list[str]) -> dict:
    """Wall seconds and peak RSS (largest process, workers included) of a command, run by a fresh helper."""
    helper = [sys.executable, __file__, "--measure", "--", *command]
    done = subprocess.run(helper, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def measure_here(command: list[str]) -> None:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr)
        sys.exit(done.returncode)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "exit": done.returncode}))


def smallest() -> Path:
    return min(SAMPLES, key=lambda p: p.stat().st_size)


def gongwen(*args: str) -> list[str]:
    return [sys.executable, "-m", "converter", *args]


# --- the runs ------------------------------------------------------------------------------------

def speed(size_mb: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="gongwen-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        size = build_corpus(corpus, size_mb)
        files = len(list(corpus.rglob("*.txt")))
        largest = max(p.stat().st_size for p in corpus.rglob("*.txt"))
        runs = {
            "floor": measure([sys.executable, __file__, "--floor", str(corpus), str(Path(tmp) / "floor")]),
            "jobs1": measure(gongwen("convert", str(corpus), "-o", str(Path(tmp) / "j1"), "--jobs", "1", "-q", "--force")),
            "jobs2": measure(gongwen("convert", str(corpus), "-o", str(Path(tmp) / "j2"), "--jobs", "2", "-q", "--force")),
            "startup": measure(gongwen("--version")),
            # a gongwen that has loaded everything (schema included) and converted one small file
            "baseline": measure(gongwen("convert", str(smallest()), "-o", str(Path(tmp) / "base"), "-q", "--force")),
        }
    return {"bytes": size, "files": files, "largest": largest, "runs": runs}


def report_speed(result: dict) -> None:
    size, runs = result["bytes"], result["runs"]
    print(f"corpus: {result['files']} files, {size / MB:.1f} MB (largest input {result['largest'] / 1000:.0f} kB), "
          f"CPUs available: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}")
    print(f"{'run':<10}{'seconds':>9}{'MB/s':>8}{'peak MB':>9}")
    for name in ("floor", "jobs1", "jobs2", "startup", "baseline"):
        run = runs[name]
        rate = f"{size / MB / run['seconds']:.2f}" if name in ("floor", "jobs1", "jobs2") else "-"
        print(f"{name:<10}{run['seconds']:>9.2f}{rate:>8}{run['peak_mb']:>9.1f}")
    ratio = runs["jobs1"]["seconds"] / runs["floor"]["seconds"]
    speedup = runs["jobs1"]["seconds"] / runs["jobs2"]["seconds"]
    print(f"convert/floor at one job: {ratio:.2f} (target ≤ 8) {'ok' if ratio <= 8 else 'MISSED'}")
    print(f"two jobs vs one: {speedup:.2f}× (target ≥ 1.6) {'ok' if speedup >= 1.6 else 'MISSED'}")
    extra = runs["jobs1"]["peak_mb"] - runs["baseline"]["peak_mb"]
    print(f"peak memory at one job above a gongwen that converted one small file: {extra:.1f} MB = "
          f"{extra * 1024 * 1024 / result['largest']:.1f}× the largest input (target < 20×)")


# --- scale and pathological inputs -----------------------------------------------------------------

def scale_inputs(folder: Path) -> dict[str, Path]:
    """One big file of each size, and the pathological inputs of issue 5."""
    text = "".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    made: dict[str, Path] = {}
    for mb in (1, 4, 16):
        path = folder / f"concat-{mb}mb.txt"
        data = (text * (mb * MB // len(text.encode()) + 1)).encode()[: mb * MB]
        path.write_bytes(data[: data.rfind(b"\n") + 1])
        made[f"samples concatenated, {mb} MB"] = path
    line = SAMPLES[0].read_text(encoding="utf-8").replace("\n", "").replace("\r", "")
    made["one line of 2 MB"] = write(folder / "one-line.txt", (line * (2 * MB // len(line.encode()) + 1))[:700_000])
    made["50,000 heading-like lines"] = write(folder / "headings.txt",
                                             "".join(f"{k % 999 + 1}. 第{k}项工作要点\n" for k in range(50_000)))
    made["100,000 nested brackets"] = write(folder / "brackets.txt", "（" * 100_000 + "一）" + "）" * 100_000 + "\n")
    made["100,000 lines of （一）"] = write(folder / "enum.txt", "（一）\n" * 100_000)
    return made


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def scale() -> None:
    with tempfile.TemporaryDirectory(prefix="gongwen-scale-") as tmp:
        base = measure(gongwen("convert", str(smallest()), "-o", str(Path(tmp) / "base"), "-q", "--force"))["peak_mb"]
        print(f"{'input':<32}{'MB':>7}{'seconds':>9}{'MB/s':>7}{'peak-base MB':>13}{'× input':>8}")
        for name, path in scale_inputs(Path(tmp)).items():
            size = path.stat().st_size
            run = measure(gongwen("convert", str(path), "-o", str(Path(tmp) / "out"), "-q", "--force"))
            extra = max(0.0, run["peak_mb"] - base)
            print(f"{name:<32}{size / MB:>7.2f}{run['seconds']:>9.2f}{size / MB / run['seconds']:>7.2f}"
                  f"{extra:>13.1f}{extra * 1024 * 1024 / size:>8.1f}"
                  + ("" if run["exit"] == 0 else "  (failed)"))


# --- profile --------------------------------------------------------------------------------------

def profile(rounds: int = 3) -> None:
    """cProfile of converting every sample `rounds` times; converter functions by cumulative share."""
    from converter import pipeline, validation

    validation.lxml_schema()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for sample in SAMPLES:
            pipeline.convert_file(sample)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    total = max(v[3] for v in stats.stats.values())  # the largest cumulative time: the whole run
    rows = sorted(((v[3], v[2], k) for k, v in stats.stats.items() if "/converter/" in k[0]), reverse=True)
    print(f"{'cumulative':>10}{'share':>7}{'own':>8}  function")
    for cumulative, own, (file, line, name) in rows[:25]:
        print(f"{cumulative:>10.3f}{cumulative / total:>7.1%}{own:>8.3f}  {Path(file).name}:{line} {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=8.0, help="corpus size (default 8)")
    parser.add_argument("--scale", action="store_true", help="also time big and pathological single files")
    parser.add_argument("--profile", action="store_true", help="also profile the conversion in process")
    parser.add_argument("--json", action="store_true", help="print the speed results as JSON too")
    parser.add_argument("--floor", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        floor(Path(args.floor[0]), Path(args.floor[1]))
        return
    if args.measure:
        measure_here(args.command)
        return
    result = speed(args.size_mb)
    report_speed(result)
    if args.json:
        print(json.dumps(result, indent=1))
    if args.scale:
        print()
        scale()
    if args.profile:
        print()
        profile()


if __name__ == "__main__":
    main()
