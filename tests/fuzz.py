"""A mutation fuzzer over the samples (issue 11): every case converts to valid, lossless XML or fails in
one clean line, and none takes longer than the time limit.

A case is a window of a sample's lines with one to four mutations:

    delete, duplicate, swap      line ranges deleted, duplicated, swapped
    unicode                      combining marks, RTL text and bidi controls, zero-width characters,
                                 NUL, U+2028/2029/0085, any code point
    numeral                      huge numerals (第九九九…条, 一二三…、, 100,000 digits)
    brackets                     deeply nested brackets （（（…）））
    headings                     thousands of 一、 lines
    wide-table                   tables with thousands of columns (tabs or pipes)
    long-line                    lines of a megabyte
    open-pipe                    pipe rows with text after the last |, ||continuation rows

then encoded (mostly UTF-8; GB18030 and UTF-16 too). Each case is made from
(seed, index) alone, so any case can be made again from its number.

    python -m tests.fuzz --cases 5000 --seed 1 --jobs 2     # the long run: full sizes, 30 s a case
    python -m tests.fuzz --cases 200 --scale 0.05           # a quick look

The long run converts in worker processes (converter.pool) with a per-case
time limit, prints a line per failure and a summary, and with --save DIR
writes each failing case to DIR/CASE.txt. tests/test_fuzz.py runs a short
deterministic pass at small sizes in CI.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from converter import lossless, pipeline, pool, reader, validation
from converter.reader import InputError
from tests.test_properties import known_core_bug      # (at the top: a worker must not import later, changed code)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = sorted([*SAMPLES.glob("seeds/*.txt"), *SAMPLES.glob("more/*.txt")])
TIME_LIMIT = 30.0
# A case slower than this is printed even when it passes: slowness is what the time limit hunts.
SLOW = 5.0

CN_DIGITS = "〇一二三四五六七八九"
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
# Characters of the unicode mutation, by kind.
COMBINING = [chr(c) for c in range(0x0300, 0x0370)] + ["\u20dd", "\u3099", "\u309a"]
RTL = ["\u05d0", "\u05e9", "\u0627", "\u0644", "\u200f", "\u202b", "\u202e", "\u2067", "\u061c", "\u0661"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
BREAKS = ["\x00", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\r", "\r\n", "\x1c"]
# Printed line shapes the structure rules react to, for the inserted lines.
SHAPES = ["一、总体要求", "（二）主要任务", "3.工作措施", "（4）保障", "第五章 附则", "第十二条 本办法自发布之日起施行。",
          "附件：1.名单", "抄送：区委办公室", "2023年1月10日", "— 3 —", "名词解释", "各位代表：", "|序号|单位|",
          "|---|---|", "1\t甲\t乙", "（责任单位：区发改局）", "新政发〔2023〕1号"]


@dataclass(frozen=True)
class Case:
    index: int
    data: bytes
    mutations: tuple[str, ...]
    encoding: str
    errors: str


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 305 → 三百零五 (up to 9999): enough for numbered headings."""
    if n < 10:
        return CN_DIGITS[n]
    parts, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                parts.append("零")
            parts.append(("" if digit == 1 and unit == "十" and not parts else CN_DIGITS[digit]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def han(rng: random.Random, size: int) -> str:
    return "".join(rng.choices(HAN, k=size))


def sized(rng: random.Random, low: int, high: int, scale: float) -> int:
    return max(1, int(rng.randint(low, high) * scale))


def span(rng: random.Random, lines: list[str]) -> tuple[int, int]:
    start = rng.randrange(len(lines))
    return start, min(len(lines), start + rng.randint(1, 40))


def delete(rng, lines, scale):
    a, b = span(rng, lines)
    del lines[a:b]


def duplicate(rng, lines, scale):
    a, b = span(rng, lines)
    lines[b:b] = lines[a:b] * rng.randint(1, 3)


def swap(rng, lines, scale):
    a, b = span(rng, lines)
    c, d = span(rng, lines)
    if b <= c:
        lines[a:d] = lines[c:d] + lines[b:c] + lines[a:b]
    elif d <= a:
        lines[c:b] = lines[a:b] + lines[d:a] + lines[c:d]


def unicode(rng, lines, scale):
    pool_ = rng.choice([COMBINING, RTL, ZERO_WIDTH, BREAKS, None])
    for _ in range(rng.randint(1, 12)):
        k = rng.randrange(len(lines))
        piece = "".join(rng.choices(pool_, k=rng.randint(1, 4))) if pool_ else \
            "".join(chr(rng.choice([rng.randint(0, 0x2FFF), rng.randint(0x3000, 0xFFFF), rng.randint(0x10000, 0x10FFFF)]))
                    for _ in range(rng.randint(1, 6)))
        piece = "".join(ch for ch in piece if not 0xD800 <= ord(ch) <= 0xDFFF)
        at = rng.randint(0, len(lines[k]))
        lines[k] = lines[k][:at] + piece + lines[k][at:]


def numeral(rng, lines, scale):
    size = sized(rng, 100, 100_000, scale)
    line = rng.choice([
        "第" + "九" * min(size, 20_000) + "条 内容。",
        "一二三四五六七八九十" * max(1, size // 10) + "、标题",
        "9" * size + ".内容",
        "（" + "十" * min(size, 20_000) + "）事项",
        "第" + "1" * size + "章",
    ])
    lines.insert(rng.randint(0, len(lines)), line + "\n")


def brackets(rng, lines, scale):
    depth = sized(rng, 100, 100_000, scale)
    pair = rng.choice([("（", "）"), ("(", ")"), ("〔", "〕"), ("［", "］"), ("【", "】"), ("“", "”")])
    closed = rng.random() < 0.7
    lines.insert(rng.randint(0, len(lines)), pair[0] * depth + "一" + (pair[1] * depth if closed else "") + "\n")


def headings(rng, lines, scale):
    count = sized(rng, 1000, 5000, scale)
    same = rng.random() < 0.3
    block = [f"{'一' if same else cn_numeral(k + 1)}、{han(rng, rng.randint(2, 8))}\n" for k in range(count)]
    at = rng.randint(0, len(lines))
    lines[at:at] = block


def wide_table(rng, lines, scale):
    columns = sized(rng, 1000, 5000, scale)
    rows = rng.randint(1, 3)
    if rng.random() < 0.5:
        block = [f"{r + 1}" + "".join(f"\t{han(rng, 1)}" for _ in range(columns - (r % 2))) + ("\t" * (r % 2)) + "\n"
                 for r in range(rows)]
    else:
        block = ["|" + "|".join(han(rng, 1) for _ in range(columns)) + "|\n" for _ in range(rows)]
    at = rng.randint(0, len(lines))
    lines[at:at] = block


def long_line(rng, lines, scale):
    size = sized(rng, 300_000, 1_000_000, scale)
    text = han(rng, size) if rng.random() < 0.5 else (han(rng, 40) + "，") * (size // 41 + 1)
    lines.insert(rng.randint(0, len(lines)), text + rng.choice(["。", "", "："]) + "\n")


def open_pipe(rng, lines, scale):
    rows = []
    for r in range(rng.randint(2, 6)):
        cells = "|".join(han(rng, rng.randint(1, 3)) for _ in range(rng.randint(1, 4)))
        rows.append(rng.choice([f"|{r + 1}|{cells}|", f"|{r + 1}|{cells}|{han(rng, 2)}", f"||{han(rng, 2)}",
                                f"{r + 1}|{cells}", f"|{r + 1}|{cells}"]) + "\n")
    at = rng.randint(0, len(lines))
    lines[at:at] = rows


def shapes(rng, lines, scale):
    for _ in range(rng.randint(1, 6)):
        lines.insert(rng.randint(0, len(lines)), rng.choice(SHAPES) + "\n")


MUTATIONS = {"delete": delete, "duplicate": duplicate, "swap": swap, "unicode": unicode, "numeral": numeral,
             "brackets": brackets, "headings": headings, "wide-table": wide_table, "long-line": long_line,
             "open-pipe": open_pipe, "shapes": shapes}
# Core slowness already reported, by the mutation that shows it: a case past the time limit with
# this mutation counts as known (it is still printed), any other as a failure.
KNOWN_SLOW: dict[str, str] = {}       # (issue 11 fault 2, quadratic realign in wide tables, is fixed)
# The big ones cost seconds at full size: at most one of them a case.
BIG = {"numeral", "brackets", "headings", "wide-table", "long-line"}


def make_case(seed: int, index: int, scale: float = 1.0) -> Case:
    rng = random.Random(f"{seed}:{index}")
    source = SAMPLE_FILES[rng.randrange(len(SAMPLE_FILES))].read_text(encoding="utf-8").splitlines(keepends=True)
    size = rng.choice([rng.randint(1, 30), rng.randint(30, 300), len(source)])
    start = rng.randint(0, max(0, len(source) - size))
    lines = source[start:start + size] or ["\n"]
    chosen = [rng.choice(list(MUTATIONS)) for _ in range(rng.randint(1, 4))]
    big = [m for m in chosen if m in BIG]
    chosen = [m for m in chosen if m not in BIG] + big[:1]
    for name in chosen:
        if lines:
            MUTATIONS[name](rng, lines, scale)
    text = "".join(lines)
    encoding = rng.choices(["utf-8", "gb18030", "utf-16"], weights=[85, 10, 5])[0]
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        encoding, data = "utf-8", text.encode("utf-8", errors="surrogatepass")
    errors = rng.choices(["strict", "replace"], weights=[80, 20])[0]
    return Case(index, data, tuple(chosen), encoding, errors)


@dataclass(frozen=True)
class Outcome:
    index: int
    kind: str                   # converted | refused | known | FAIL
    detail: str
    seconds: float


def check(case: Case) -> Outcome:
    """Convert one case and judge it: valid and lossless, or one clean line; core bugs already known set aside."""
    start = time.perf_counter()

    def outcome(kind: str, detail: str = "") -> Outcome:
        return Outcome(case.index, kind, detail, time.perf_counter() - start)
    try:
        source = reader.decode(case.data, "fuzz.txt", errors=case.errors)
        result = pipeline.convert_decoded(source)
    except InputError as exc:
        message = str(exc)
        if not message or "\n" in message:
            return outcome("FAIL", f"error not on one line: {message!r}")
        if known_core_bug(message):
            return outcome("known", message)
        if "gongwen bug" in message:
            return outcome("FAIL", message)
        return outcome("refused", message.split(" (")[0][:60])
    except RecursionError:
        return outcome("FAIL", "RecursionError")
    except Exception as exc:    # a bug: the batch would report it as an internal error
        return outcome("FAIL", f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
    found = validation.problems(result.root)
    if found:
        return outcome("FAIL", f"invalid output: {found[0].message}")
    loss = lossless.check(source.text, result.root)
    if loss is not None:
        return outcome("known" if known_core_bug(str(loss), result.root) else "FAIL", f"not lossless at {loss}")
    if any("\n" in message for _, message in result.warnings):
        return outcome("FAIL", "a warning spans lines")
    return outcome("converted")


def run_case(job: tuple[int, int, float]) -> Outcome:
    seed, index, scale = job
    return check(make_case(seed, index, scale))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="size of the big mutations (1: full)")
    parser.add_argument("--jobs", type=int, default=pool.default_jobs())
    parser.add_argument("--timeout", type=float, default=TIME_LIMIT, help="seconds a case may take")
    parser.add_argument("--save", type=Path, help="write each failing case to this folder")
    args = parser.parse_args(argv)
    jobs = [(args.seed, index, args.scale) for index in range(args.cases)]

    def too_slow(job: tuple[int, int, float], seconds: float) -> Outcome:
        case = make_case(*job)
        known = KNOWN_SLOW.get(next((m for m in case.mutations if m in KNOWN_SLOW), ""))
        return Outcome(job[1], "known" if known else "FAIL",
                       f"took longer than {seconds:g} s{f' ({known})' if known else ''}", seconds)

    def crashed(job: tuple[int, int, float], reason: str) -> Outcome:
        return Outcome(job[1], "FAIL", f"worker died: {reason}", 0.0)
    start = time.perf_counter()
    counts: Counter = Counter()
    by_mutation: Counter = Counter()
    slowest = Outcome(-1, "", "", 0.0)
    failures = 0
    for outcome in pool.ordered_map(run_case, jobs, max(1, args.jobs), crashed, args.timeout, too_slow):
        counts[outcome.kind] += 1
        slowest = max(slowest, outcome, key=lambda o: o.seconds)
        if outcome.kind in ("FAIL", "known") or outcome.seconds > SLOW:
            case = make_case(args.seed, outcome.index, args.scale)
            by_mutation.update(f"{outcome.kind}:{m}" for m in case.mutations)
            print(f"case {outcome.index} [{'+'.join(case.mutations)}, {case.encoding}, {case.errors}, "
                  f"{len(case.data)} bytes, {outcome.seconds:.1f} s]: {outcome.kind}: {outcome.detail}", flush=True)
            if outcome.kind == "FAIL":
                failures += 1
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    (args.save / f"case-{args.seed}-{outcome.index}.txt").write_bytes(case.data)
    print(f"{args.cases} cases (seed {args.seed}, scale {args.scale}) in {time.perf_counter() - start:.0f} s: "
          + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
          + f"; slowest case {slowest.index}: {slowest.seconds:.1f} s")
    if by_mutation:
        print("failing and known cases by mutation: " + ", ".join(f"{k} {n}" for k, n in sorted(by_mutation.items())))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
