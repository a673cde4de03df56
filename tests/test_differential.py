"""The differential check's comparison (tests/differential.py): what it calls a difference."""

from __future__ import annotations

from pathlib import Path

from tests.differential import TIMING, differences


def write(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def test_outputs_alike_byte_for_byte_are_no_difference(tmp_path):
    base = write(tmp_path / "a", {"x.xml": b"<a/>", "sub/y.xml": "<b>中</b>".encode()})
    new = write(tmp_path / "b", {"x.xml": b"<a/>", "sub/y.xml": "<b>中</b>".encode()})
    assert differences(base, new) == []


def test_an_output_written_otherwise_or_by_one_tree_only_is_a_difference(tmp_path):
    base = write(tmp_path / "a", {"x.xml": b"<a/>", "gone.xml": b"<c/>"})
    new = write(tmp_path / "b", {"x.xml": b"<a />", "new.xml": b"<d/>"})
    assert differences(base, new) == ["gone.xml: written by the base only", "new.xml: written by this checkout only",
                                      "x.xml: outputs differ"]


def test_only_the_summary_timing_is_left_out_of_the_messages():
    line = "gongwen: 60 converted, 0 skipped, 0 failed, 143 warnings; 2.6 MB in 3.63 s (0.71 MB/s)"
    assert TIMING.sub("", line) == "gongwen: 60 converted, 0 skipped, 0 failed, 143 warnings; 2.6 MB"
    assert TIMING.sub("", "gongwen: warning: a.txt:3: 2 in 3 s") == "gongwen: warning: a.txt:3: 2 in 3 s"
