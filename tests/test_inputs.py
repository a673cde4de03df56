"""Choosing inputs (issue 14): path globs, excludes, the README rule, --files-from and --shard."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import inputs
from converter.cli import main
from tests.conftest import ALL_SAMPLES

NOTICE = "一、总体要求\n"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.fixture
def folder(tmp_path) -> Path:
    """2023/{a.txt, drafts/b.txt, c.md}, 2024/d.txt, README.md, LICENSE.txt, notes.txt, e.TXT."""
    root = tmp_path / "in"
    for name in ("2023/a.txt", "2023/drafts/b.txt", "2023/c.md", "2024/d.txt", "README.md", "LICENSE.txt",
                 "notes.txt", "e.TXT", "readme-notice.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(NOTICE, encoding="utf-8")
    return root


def found(folder: Path, globs=inputs.DEFAULT_GLOBS, excludes=inputs.DEFAULT_EXCLUDES) -> list[str]:
    return [path.relative_to(folder).as_posix() for path, _ in inputs.walk(folder, globs, None, excludes)]


def test_default_globs_pass_over_a_folders_readme_and_license(folder):
    assert found(folder) == ["e.TXT", "notes.txt", "readme-notice.txt", "2023/a.txt", "2023/c.md",
                             "2023/drafts/b.txt", "2024/d.txt"]
    # naming the inputs with --glob replaces the default, its README rule included
    assert "README.md" in found(folder, ("*.md",), ())
    result = run("convert", folder, "-o", folder.parent / "out", "-q")
    assert result.exit_code == 0
    assert not (folder.parent / "out" / "README.xml").exists() and (folder.parent / "out" / "notes.xml").exists()


def test_a_glob_with_a_slash_matches_the_path_and_double_star_any_folders(folder):
    assert found(folder, ("2023/*.txt",), ()) == ["2023/a.txt"]
    assert found(folder, ("**/drafts/*",), ()) == ["2023/drafts/b.txt"]
    assert found(folder, ("**/*.md",), ()) == ["README.md", "2023/c.md"]      # **/ may stand for no folder
    assert found(folder, ("2023/**",), ()) == ["2023/a.txt", "2023/c.md", "2023/drafts/b.txt"]
    assert found(folder, ("*.txt",), ()) == ["LICENSE.txt", "e.TXT", "notes.txt", "readme-notice.txt",
                                              "2023/a.txt", "2023/drafts/b.txt", "2024/d.txt"]


def test_exclude_passes_over_names_paths_and_whole_folders(folder):
    assert found(folder, excludes=(*inputs.DEFAULT_EXCLUDES, "drafts")) == ["e.TXT", "notes.txt", "readme-notice.txt", "2023/a.txt",
                                                   "2023/c.md", "2024/d.txt"]
    assert found(folder, ("*.txt",), ("2023/**", "notes.*", "*-*")) == ["LICENSE.txt", "e.TXT", "2024/d.txt"]
    assert found(folder, ("*.txt",), ("2023/drafts/",)) == ["LICENSE.txt", "e.TXT", "notes.txt",
                                                            "readme-notice.txt", "2023/a.txt", "2024/d.txt"]
    out = folder.parent / "out"
    result = run("convert", folder, "-o", out, "--exclude", "2023", "--exclude", "E.txt", "-q")
    assert result.exit_code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xml")) == [
        "2024/d.xml", "notes.xml", "readme-notice.xml"]


def test_files_from_a_list_mirrors_each_listed_path(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(folder)
    (tmp_path / "list").write_bytes(b"2023/a.txt\r\n\n2024/d.txt\nnotes.txt\n")
    out = tmp_path / "out"
    result = run("convert", "--files-from", tmp_path / "list", "-o", out, "--report", tmp_path / "r.json", "-q")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xml")) == ["2023/a.xml", "2024/d.xml",
                                                                                 "notes.xml"]
    assert [r["path"] for r in json.loads((tmp_path / "r.json").read_text())] == ["2023/a.txt", "2024/d.txt",
                                                                                   "notes.txt"]


def test_files_from_stdin_nul_separated_and_with_file_arguments(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(folder)
    out = tmp_path / "out"
    result = run("convert", "README.md", "--files-from", "-", "-o", out, "-q", input=b"2023/c.md\x002023/drafts/b.txt\x00")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xml")) == [
        "2023/c.xml", "2023/drafts/b.xml", "README.xml"]
    assert inputs.read_list(io.BytesIO(b"a b.txt\n\n c.txt \r\n")) == ["a b.txt", " c.txt "]


def test_a_listed_path_above_the_current_folder_is_a_usage_error(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(folder / "2023")
    result = run("convert", "--files-from", "-", "-o", tmp_path / "out", input=b"a.txt\n../2024/d.txt\n")
    assert result.exit_code == 2 and "../2024/d.txt: a listed path must not lead above" in result.stderr
    assert run("convert").exit_code == 2                       # neither FILES nor --files-from


def test_two_shards_cover_every_input_exactly_once(tmp_path):
    samples = tmp_path / "samples"
    for path in ALL_SAMPLES:
        (samples / path.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, samples / path.parent.name / path.name)
    reports = []
    for k in (1, 2):
        report = tmp_path / f"r{k}.json"
        result = run("convert", samples, "-o", tmp_path / "out", "--shard", f"{k}/2", "--report", report, "-q")
        assert result.exit_code == 0, result.stderr
        reports.append([r["path"] for r in json.loads(report.read_text())])
    everything = [t.shown for t in inputs.plan([samples], tmp_path / "out")]
    assert sorted(reports[0] + reports[1]) == sorted(everything) and not set(reports[0]) & set(reports[1])
    assert reports[0] and reports[1]
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.xml")) == sorted(
        f"{Path(s).parent.name}/{Path(s).stem}.xml" for s in everything)


def test_a_shard_depends_on_the_output_path_alone_not_on_order_or_the_other_inputs(tmp_path):
    out = tmp_path / "out"
    tasks = [inputs.Task(Path(f"in/{n}.txt"), f"in/{n}.txt", out / f"{n}.xml") for n in range(40)]
    first = {t.shown for t in inputs.shard(tasks, 1, 3, out)}
    assert {t.shown for t in inputs.shard(list(reversed(tasks)), 1, 3, out)} == first
    assert {t.shown for t in inputs.shard(tasks[:10], 1, 3, out)} == first & {t.shown for t in tasks[:10]}
    shares = [len(inputs.shard(tasks, k, 3, out)) for k in (1, 2, 3)]
    assert sum(shares) == 40 and min(shares) > 0
    # the rule, so that another tool can split a list the same way: sha256 of the relative output path
    assert inputs.shard_of("2023/a.xml", 2) == int.from_bytes(hashlib.sha256(b"2023/a.xml").digest()[:8], "big") % 2 + 1


@pytest.mark.parametrize("bad", ["0/2", "3/2", "1-2", "a/b", "2"])
def test_a_bad_shard_is_a_usage_error(tmp_path, bad):
    result = run("convert", ALL_SAMPLES[0], "-o", tmp_path, "--shard", bad)
    assert result.exit_code == 2 and "--shard" in result.stderr


@pytest.mark.parametrize("patterns", [("*.txt", "*.md"), ("a|b.txt", "(x).md"), ("[ab]*.t?t",), ("*",),
                                      ("[!a]*", "readme.*"), ("*.TXT", "2023/x.md")])
def test_the_name_patterns_tested_at_once_match_as_fnmatch_does_one_by_one(patterns):
    # (selection joins the name patterns' translations into one regex: a pattern's own | or ( must stay inside it)
    import fnmatch
    for name in ("a.txt", "A.TXT", "b.tst", "a|b.txt", "(x).md", "x.md", "readme.md", "c", "", "ab.t t", "a.txt.bak"):
        one_by_one = any(fnmatch.fnmatchcase(name.lower(), p.lower()) for p in patterns if "/" not in p)
        assert inputs.selected((name,), patterns) == one_by_one, (name, patterns)
        assert inputs.excluded(("folder", name, "z.txt"), patterns) == (
            one_by_one or any(fnmatch.fnmatchcase(n, p.lower()) for n in ("folder", "z.txt") for p in patterns
                              if "/" not in p))
