"""What a batch tells its user: one line per problem, a summary, a JSON report."""

from __future__ import annotations

from pathlib import Path

from converter.batch import Record
from converter.escaping import escape
from converter.writer import write_atomic

MB = 1_000_000


def one_line(text: str) -> str:
    """A message on one line, file names that are not UTF-8 shown: converter.escaping, the rule for all messages."""
    return escape(str(text))


def error_line(record: Record) -> str:
    return one_line(f"gongwen: {record.path}: {record.error}")


def warning_lines(record: Record) -> list[str]:
    return [one_line(f"gongwen: warning: {record.path}:{line}: {message}") for line, message in record.warnings]


def summary(records: list[Record], seconds: float) -> str:
    """`gongwen: 9 converted, 2 skipped, 1 failed, 14 warnings; 0.6 MB in 0.4 s (1.5 MB/s)`."""
    count = {status: 0 for status in ("converted", "skipped", "failed")}
    for record in records:
        count[record.status] += 1
    warnings = sum(len(record.warnings) for record in records)
    size = sum(record.size for record in records if record.status == "converted")
    line = (f"gongwen: {count['converted']} converted, {count['skipped']} skipped, {count['failed']} failed, "
            f"{warnings} warning{'s' if warnings != 1 else ''}")
    if count["converted"]:
        rate = size / MB / seconds if seconds > 0 else 0.0
        line += f"; {size_text(size)} in {seconds:.2f} s ({rate:.2f} MB/s)"
    return line


def size_text(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB // 10 else f"{size / 1000:.1f} kB"


def as_json(record: Record) -> dict[str, object]:
    """One report object; a failed input names no output (none was written for it)."""
    return {
        "path": escape(record.path),                # the rule of source/@name (converter.escaping)
        "output": escape(record.output) if record.output is not None and record.status != "failed" else None,
        "status": record.status,
        "forms": list(record.forms),
        "documents": record.documents,
        "warnings": [{"line": line, "message": message} for line, message in record.warnings],
        "error": record.error,
        "seconds": round(record.seconds, 4),
        "bytes": record.size,
    }


def write_report(path: Path, records: list[Record]) -> None:
    """A JSON array, one object per input, in input order; written atomically."""
    import json     # here, not at the top: only --report needs it (start-up time is measured)

    text = json.dumps([as_json(record) for record in records], ensure_ascii=False, indent=1)
    write_atomic(path, (text + "\n").encode("utf-8"))
