"""How fast gongwen converts, next to the floor, measured in one run.

    python benchmarks/bench.py                 # 8 MB corpus and 1,000 small files: floor, --jobs 1, --jobs 2
    python benchmarks/bench.py --rounds 9      # more rounds (default 5)
    python benchmarks/bench.py --size-mb 40    # a bigger corpus
    python benchmarks/bench.py --scale         # also: one file of 16/40/64 MB, 100,000 tiny lines, a big table, hostile inputs
    python benchmarks/bench.py --profile       # also: cProfile of the conversion, converter functions only

The corpus is the samples replicated into a temporary directory; a
quarter of its size again is the text samples as web pages (a `<p>` a line
in a site's template: head, style, script, navigation, footer), measured at
one job beside the floor, since a page costs gongwen far more than its text. The floor
(benchmarks/floor.py) reads each file, puts one <p> per non-empty line into
an lxml tree, serialises and writes it: what any converter to XML must do
at least. `gongwen convert` runs as a user runs it, with validation (it
always validates) and --force.

Every measurement is a fresh process timed from outside, interpreter start
included on both sides, with compiled bytecode as an installed user has it
(the converter is compiled once first, and PYTHONDONTWRITEBYTECODE, which
would make every process recompile every module, is taken out of the
children's environment). A round runs the floor, one job and two jobs back
to back (one job and two jobs in alternating order), so each round's ratios
compare runs made under the same load; the report gives the median of each
over the rounds, and the median of the per-round ratios.

Each round also measures the machine's own two-core ceiling
(benchmarks/ceiling.py: fixed Python work done by one process, then split
between two): on a shared machine two busy cores each run slower than one,
and the two-jobs speedup means something only beside what the machine gave
perfectly parallel work in the same minutes. A second control in each round
runs two independent `gongwen convert --jobs 1`, each on half the corpus
(equal bytes), at once: what two cores give this very work with no shared
start and no parent handing out tasks. One job over that is about the most a
pool could get on this machine; what --jobs 2 gets below it is the pool's
own cost (the serial start before the fork, the parent's work per file).

Peak memory is each process's own high-water mark (VmHWM), read from
/proc while it runs: a forked worker starts from its parent's mark, so the
mark of every process that appears under the one started is reset first
(clear_refs "5"). The figure is that of the largest process; "above
baseline" subtracts a gongwen that converted one small file (the
interpreter, lxml and the schema).

Targets (issue 12): convert/floor ≤ 4 at one job on the 8 MB corpus and ≤ 5
at 40 MB; two jobs ≥ 1.8× one job on the corpus and ≥ 1.7× on 1,000 small
files; seconds per MB at 64 MB within 1.1× of those at 16 MB; peak memory
≤ 6× a big input, ≤ 20× an input of 100,000 tiny lines.
"""

from __future__ import annotations

import argparse
import cProfile
import html
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import ENV, measure, measure_together

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted([*REPO.glob("samples/seeds/*.txt"), *REPO.glob("samples/more/*.txt")])
FLOOR = Path(__file__).resolve().parent / "floor.py"
CEILING = Path(__file__).resolve().parent / "ceiling.py"
MB = 1_000_000
SMALL = 16_000           # a "small file": a sample under 16 kB


# --- inputs ------------------------------------------------------------------------------------

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


# A web page around a document, as a site's template prints one: head, style, script, navigation, footer.
PAGE_HEAD = ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>\n'
             '<link rel="stylesheet" href="/css/main.css"><style>.nav li{{display:inline}}</style>\n'
             '<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>\n'
             '</head><body>\n<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
             '</ul></div>\n<div class="article">\n')
PAGE_FOOT = ('</div>\n<div class="footer"><p>主办单位：某某市人民政府办公室</p><p>网站标识码：0000000000</p></div>\n'
             '<script src="/js/common.js"></script>\n</body></html>\n')


def build_pages(folder: Path, size_mb: float) -> int:
    """The text samples as web pages (a <p> a line in a page template) in folder/copyNN/ until size_mb; bytes."""
    texts = [p for p in SAMPLES if "<html" not in p.read_text(encoding="utf-8")[:4000].lower()]
    total, k = 0, 0
    while total < size_mb * MB:
        for sample in texts:
            lines = sample.read_text(encoding="utf-8").splitlines()
            body = "\n".join(f'<p style="text-indent:2em">{html.escape(line)}</p>' if line.strip() else "<p><br></p>"
                             for line in lines)
            page = PAGE_HEAD.format(title=html.escape(lines[0][:40] if lines else "")) + body + "\n" + PAGE_FOOT
            total += write(folder / f"copy{k:03d}" / sample.name, page).stat().st_size
        k += 1
    return total


def build_small(folder: Path, files: int) -> int:
    """`files` copies of the small samples, a hundred a folder; returns bytes."""
    small = [p for p in SAMPLES if p.stat().st_size < SMALL]
    total = 0
    for k in range(files):
        sample = small[k % len(small)]
        target = folder / f"part{k // 100:03d}" / f"{k:05d}-{sample.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sample, target)
        total += sample.stat().st_size
    return total


def concatenated(path: Path, size: int) -> Path:
    """One file of `size` bytes (cut at a line end) of the samples one after another."""
    text = "".join(p.read_text(encoding="utf-8") for p in SAMPLES).encode()
    data = (text * (size // len(text) + 1))[:size]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data[: data.rfind(b"\n") + 1])
    return path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def gongwen(*args: str) -> list[str]:
    return [sys.executable, "-m", "converter", *args]


def floor_command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, str(FLOOR), str(corpus), str(out)]


def compile_once() -> None:
    """Compile the converter as an installer does (its first run would otherwise pay for it)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "converter")], check=True,
                   stdout=subprocess.DEVNULL, env=ENV)
    subprocess.run(gongwen("--version"), check=True, stdout=subprocess.DEVNULL, env=ENV)


def median(runs: list[dict], key: str = "seconds") -> float:
    return statistics.median(run[key] for run in runs)


# --- the paired runs -------------------------------------------------------------------------------

def halves(corpus: Path, folder: Path) -> tuple[Path, Path]:
    """The corpus's files linked into two folders of about equal bytes (the largest first, each to the lighter)."""
    files = sorted((p for p in corpus.rglob("*") if p.is_file()), key=lambda p: (-p.stat().st_size, p))
    parts, sizes = (folder / "a", folder / "b"), [0, 0]
    for path in files:
        k = sizes.index(min(sizes))
        target = parts[k] / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
        sizes[k] += path.stat().st_size
    return parts


def paired(corpus: Path, out: Path, rounds: int, with_floor: bool = True) -> dict[str, list[dict]]:
    """`rounds` rounds of floor, --jobs 1, --jobs 2 and two --jobs 1 on halves at once on one corpus, and the
    machine's ceiling, back to back."""
    runs: dict[str, list[dict]] = {"floor": [], "jobs1": [], "jobs2": [], "halves": [], "ceiling1": [],
                                   "ceiling2": []}
    parts = halves(corpus, out / "halves-in")
    for k in range(rounds):
        if with_floor:
            runs["floor"].append(measure(floor_command(corpus, out / "floor")))
        for jobs in ((1, 2) if k % 2 == 0 else (2, 1)):
            runs[f"jobs{jobs}"].append(measure(gongwen("convert", str(corpus), "-o", str(out / f"j{jobs}"),
                                                       "--jobs", str(jobs), "-q", "--force")))
        runs["halves"].append(measure_together([gongwen("convert", str(part), "-o", str(out / f"half-{part.name}"),
                                                        "--jobs", "1", "-q", "--force") for part in parts]))
        for processes in ((1, 2) if k % 2 == 0 else (2, 1)):
            runs[f"ceiling{processes}"].append(measure([sys.executable, str(CEILING), str(processes)]))
    return runs


def one_job(corpus: Path, out: Path, rounds: int) -> dict[str, list[dict]]:
    """`rounds` rounds of the floor and --jobs 1 on one corpus, back to back."""
    runs: dict[str, list[dict]] = {"floor": [], "jobs1": []}
    for _ in range(rounds):
        runs["floor"].append(measure(floor_command(corpus, out / "floor")))
        runs["jobs1"].append(measure(gongwen("convert", str(corpus), "-o", str(out / "j1"), "--jobs", "1", "-q",
                                             "--force")))
    return runs


def ratios(runs: dict[str, list[dict]]) -> dict[str, float]:
    """Median of the per-round ratios: convert/floor at one job; one job over two jobs, over two independent
    processes on halves, and the machine's own."""
    found = {"speedup": statistics.median(a["seconds"] / b["seconds"] for a, b in zip(runs["jobs1"], runs["jobs2"])),
             "halves": statistics.median(a["seconds"] / b["seconds"] for a, b in zip(runs["jobs1"], runs["halves"])),
             "ceiling": statistics.median(a["seconds"] / b["seconds"]
                                          for a, b in zip(runs["ceiling1"], runs["ceiling2"]))}
    if runs["floor"]:
        found["convert/floor"] = statistics.median(a["seconds"] / b["seconds"]
                                                   for a, b in zip(runs["jobs1"], runs["floor"]))
    return found


def speed(size_mb: float, small_files: int, rounds: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="gongwen-bench-") as tmp:
        root = Path(tmp)
        size = build_corpus(root / "corpus", size_mb)
        files = sorted((root / "corpus").rglob("*.txt"))
        small_size = build_small(root / "small", small_files)
        smallest = min(SAMPLES, key=lambda p: p.stat().st_size)
        pages_size = build_pages(root / "pages", size_mb / 4)
        result = {
            "bytes": size, "files": len(files), "largest": max(p.stat().st_size for p in files),
            "corpus": paired(root / "corpus", root / "out", rounds),
            "small_bytes": small_size, "small_files": small_files,
            "small": paired(root / "small", root / "small-out", rounds, with_floor=False),
            "pages_bytes": pages_size, "pages": one_job(root / "pages", root / "pages-out", rounds),
            "startup": {
                "python -c pass": [measure([sys.executable, "-c", "pass"]) for _ in range(rounds)],
                "python -c 'import lxml.etree'": [measure([sys.executable, "-c", "import lxml.etree"])
                                                   for _ in range(rounds)],
                "gongwen --version": [measure(gongwen("--version")) for _ in range(rounds)],
                f"gongwen convert one file ({smallest.stat().st_size / 1000:.0f} kB)":
                    [measure(gongwen("convert", str(smallest), "-o", str(root / "one"), "-q", "--force"))
                     for _ in range(rounds)],
            },
        }
    return result


def peak(runs: list[dict]) -> str:
    """The median peak in MB, or "-" for runs measured together (whose peaks are not read)."""
    return f"{median(runs, 'peak_mb'):.1f}" if "peak_mb" in runs[0] else "-"


def report_speed(result: dict, rounds: int) -> None:
    size, corpus = result["bytes"], result["corpus"]
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"corpus: {result['files']} files, {size / MB:.1f} MB (largest {result['largest'] / 1000:.0f} kB); "
          f"{result['small_files']} small files, {result['small_bytes'] / MB:.1f} MB; {cpus} CPUs; "
          f"medians of {rounds} rounds")
    print(f"{'run':<34}{'seconds':>9}{'CPU s':>8}{'MB/s':>8}{'peak MB':>9}")
    for label, what, bytes_ in (("corpus", corpus, size), ("small files", result["small"], result["small_bytes"]),
                                ("web pages", result["pages"], result["pages_bytes"])):
        for name, runs in what.items():
            if runs and not name.startswith("ceiling"):
                print(f"{label + ' ' + name:<34}{median(runs):>9.3f}{median(runs, 'cpu'):>8.2f}"
                      f"{bytes_ / MB / median(runs):>8.2f}{peak(runs):>9}")
    for name, runs in result["startup"].items():
        print(f"{name:<34}{median(runs):>9.3f}{median(runs, 'cpu'):>8.2f}{'-':>8}{peak(runs):>9}")
    on_corpus, on_small = ratios(corpus), ratios(result["small"])
    verdict = lambda ok: "met" if ok else "NOT MET"    # noqa: E731
    on_pages = statistics.median(a["seconds"] / b["seconds"]
                                 for a, b in zip(result["pages"]["jobs1"], result["pages"]["floor"]))
    print(f"convert/floor at one job: {on_corpus['convert/floor']:.2f} (target ≤ 4: "
          f"{verdict(on_corpus['convert/floor'] <= 4)}); on the samples as web pages: {on_pages:.2f}")
    for what, found, target in (("the corpus", on_corpus, 1.8), (f"{result['small_files']} small files", on_small, 1.7)):
        print(f"two jobs vs one on {what}: {found['speedup']:.2f}× (target ≥ {target}: "
              f"{verdict(found['speedup'] >= target)}); in the same rounds, two independent gongwen on halves: "
              f"{found['halves']:.2f}×, the machine's own ceiling: {found['ceiling']:.2f}×")
    baseline = median(list(result["startup"].values())[-1], "peak_mb")
    extra = median(corpus["jobs1"], "peak_mb") - baseline
    print(f"peak memory at one job: {extra:.1f} MB above a gongwen that converted one small file "
          f"({extra * MB / result['largest']:.1f}× the largest input)")


# --- scale and pathological inputs -----------------------------------------------------------------

def scale_inputs(folder: Path) -> dict[str, Path]:
    """One big file of each size, 100,000 tiny lines, a table of 40,000 rows, and the hostile inputs of issue 5."""
    made: dict[str, Path] = {}
    for mb in (16, 40, 64):
        made[f"samples concatenated, {mb} MB"] = concatenated(folder / f"concat-{mb}mb" / "in.txt", mb * MB)
    made["100,000 lines of （一）"] = write(folder / "enum" / "in.txt", "（一）\n" * 100_000)
    # one table of 40,000 rows of four cells (2 MB): the most elements a byte of a big input makes, a cell's
    # element and text node some 240 bytes of tree against its 20 bytes of input
    made["a table of 40,000 rows"] = write(folder / "table" / "in.txt", "序号\t名称\t地址\t电话\n" + "".join(
        f"{k}\t第{k}号服务站\t第{k % 97 + 1}街{k % 31 + 1}号\t{5550000 + k}\n" for k in range(1, 40_001)))
    made["50,000 heading-like lines"] = write(folder / "headings" / "in.txt",
                                             "".join(f"{k % 999 + 1}. 第{k}项工作要点\n" for k in range(50_000)))
    line = SAMPLES[0].read_text(encoding="utf-8").replace("\n", "").replace("\r", "")
    made["one line of 2 MB"] = write(folder / "one-line" / "in.txt", (line * (2 * MB // len(line.encode()) + 1))[:700_000])
    made["100,000 nested brackets"] = write(folder / "brackets" / "in.txt", "（" * 100_000 + "一）" + "）" * 100_000 + "\n")
    return made


def median_peak(command: list[str], times: int = 3) -> float:
    """The median peak memory (MB) of `times` runs of `command`: a baseline to subtract."""
    return statistics.median(measure(command)["peak_mb"] for _ in range(times))


def scale(rounds: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="gongwen-scale-") as tmp:
        root = Path(tmp)
        smallest = min(SAMPLES, key=lambda p: p.stat().st_size)
        base = median_peak(gongwen("convert", str(smallest), "-o", str(root / "base"), "-q", "--force"))
        # the floor's own baseline (the interpreter and lxml, one small file): what its tree of a big input
        # costs is its peak above that, beside gongwen's above its own
        floor_base = write(root / "floor-base" / "in.txt", smallest.read_text(encoding="utf-8"))
        floor_mb = median_peak(floor_command(floor_base.parent, root / "floor"))
        found: dict = {"baseline_mb": base, "floor_baseline_mb": floor_mb, "inputs": {}}
        for name, path in scale_inputs(root / "in").items():
            runs: dict[str, list[dict]] = {"floor": [], "convert": []}
            for _ in range(rounds):
                runs["floor"].append(measure(floor_command(path.parent, root / "floor")))
                runs["convert"].append(measure(gongwen("convert", str(path), "-o", str(root / "out"), "-q",
                                                       "--force")))
            found["inputs"][name] = {"bytes": path.stat().st_size, **runs}
            path.unlink()
    return found


def report_scale(found: dict, rounds: int) -> None:
    base = found["baseline_mb"]
    floor_base = found["floor_baseline_mb"]
    print(f"one file each, medians of {rounds} round(s); memory above a gongwen that converted one small file "
          f"({base:.1f} MB), the floor's above the floor on one small file ({floor_base:.1f} MB)")
    print(f"{'input':<32}{'MB':>7}{'floor s':>9}{'convert s':>10}{'s/MB':>7}{'÷floor':>8}{'peak MB':>9}"
          f"{'above':>7}{'×input':>8}{'floor ×input':>13}")
    per_mb = {}
    for name, run in found["inputs"].items():
        size = run["bytes"]
        seconds = median(run["convert"])
        per_mb[name] = seconds / (size / MB)
        peak = median(run["convert"], "peak_mb")
        extra = max(0.0, peak - base)
        # (the floor's memory of the same input: one lxml element a line is already some 36× the input of
        # 100,000 tiny lines, so gongwen's multiple means something only beside it)
        floor_extra = max(0.0, median(run["floor"], "peak_mb") - floor_base)
        print(f"{name:<32}{size / MB:>7.2f}{median(run['floor']):>9.2f}{seconds:>10.2f}{per_mb[name]:>7.3f}"
              f"{seconds / median(run['floor']):>8.2f}{peak:>9.1f}{extra:>7.1f}{extra * MB / size:>8.1f}"
              f"{floor_extra * MB / size:>13.1f}"
              + ("" if all(r["exit"] == 0 for r in run["convert"]) else "  (failed)"))
    growth = per_mb["samples concatenated, 64 MB"] / per_mb["samples concatenated, 16 MB"]
    print(f"seconds per MB at 64 MB / at 16 MB: {growth:.2f} (target ≤ 1.1: {'met' if growth <= 1.1 else 'NOT MET'})")


# --- profile --------------------------------------------------------------------------------------

def profile(rounds: int = 3) -> None:
    """cProfile of converting every sample `rounds` times; converter functions by cumulative share."""
    from converter import pipeline, validation

    validation.lxml_schema()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for sample in SAMPLES:
            pipeline.convert_file(sample).xml
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
    parser.add_argument("--small-files", type=int, default=1000, help="how many small files (default 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of paired runs (default 5)")
    parser.add_argument("--scale", action="store_true", help="also time big and pathological single files")
    parser.add_argument("--scale-rounds", type=int, default=1, help="rounds of each --scale input (default 1)")
    parser.add_argument("--profile", action="store_true", help="also profile the conversion in process")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every measurement to FILE as JSON")
    args = parser.parse_args()
    compile_once()
    found: dict = {"speed": speed(args.size_mb, args.small_files, args.rounds)}
    report_speed(found["speed"], args.rounds)
    if args.scale:
        print()
        found["scale"] = scale(args.scale_rounds)
        report_scale(found["scale"], args.scale_rounds)
    if args.json:
        args.json.write_text(json.dumps(found, indent=1))
    if args.profile:
        print()
        profile()


if __name__ == "__main__":
    main()
