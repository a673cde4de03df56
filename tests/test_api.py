"""The Python API, standard input and every --to format from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import converter
from converter import pipeline
from tests.conftest import SAMPLES

NOTICE = SAMPLES / "more" / "ndrc-2019-860-notice.txt"
SUFFIXES = {"xml": ".xml", "html": ".html", "akn": ".akn.xml", "json": ".json", "markdown": ".md"}


class Ran:
    """What one command did: its exit status and the bytes it wrote."""

    def __init__(self, returncode: int, stdout: bytes, stderr: bytes):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def gongwen(*args, stdin: bytes | None = None) -> Ran:
    """The command line, in process (click's runner), standard input and both outputs as bytes."""
    from click.testing import CliRunner

    from converter.cli import main
    result = CliRunner().invoke(main, [str(a) for a in args], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout_bytes, result.stderr_bytes)


def test_convert_from_a_path_bytes_or_str_gives_the_same_archive():
    from converter import convert
    by_path = convert(NOTICE)
    by_bytes = convert(NOTICE.read_bytes(), name=NOTICE.name)
    by_text = convert(NOTICE.read_text(encoding="utf-8").replace("\r\n", "\n"), name=NOTICE.name)
    assert by_path.xml == pipeline.convert_file(NOTICE).xml == by_bytes.xml
    assert by_path.forms == ("notice",) and by_path.name == NOTICE.name and by_path.documents == 1
    assert etree.QName(by_path.root).localname == "archive"
    assert by_text.root.findtext("{*}document/{*}title") == by_path.root.findtext("{*}document/{*}title")
    assert convert("一、总则\n各单位要加强管理。\n").name == "<string>"


def test_warnings_are_line_message_pairs():
    from converter import LineWarning, convert
    archive = convert(SAMPLES / "more" / "state-council-2025-11-opinion-printed-pdftotext.txt")
    assert LineWarning(92, "numbering 4. does not continue the sequence; kept as text") in archive.warnings
    assert archive.warnings[0].line == archive.warnings[0][0]


def test_errors_say_what_went_wrong():
    from converter import ArchiveError, GongwenError, InputError, convert, load
    with pytest.raises(InputError, match=r"^<bytes>: not a text document \(looks like PDF\)$"):
        convert(b"%PDF-1.7\n\x00binary")
    with pytest.raises(GongwenError, match="no such file"):
        convert(Path("no/such/file.txt"))
    with pytest.raises(TypeError, match="pass pathlib.Path"):
        convert(str(NOTICE))                       # a str is text; a path must be a Path
    with pytest.raises(ArchiveError, match="not a valid archive"):
        load(b"<archive/>")
    assert issubclass(InputError, GongwenError) and issubclass(ArchiveError, GongwenError)


def test_validate_takes_paths_bytes_trees_and_archives(tmp_path):
    from converter import convert, validate
    archive = convert(NOTICE)
    path = tmp_path / "a.xml"
    archive.write(path)
    assert validate(path) == validate(archive.xml) == validate(archive) == validate(archive.root) == []
    bad = validate(archive.xml.replace(b'form="notice"', b'form="memo"'))
    assert bad and "memo" in bad[0].message
    unsafe = validate(b'<!DOCTYPE a [<!ENTITY x "y">]><archive/>')
    assert unsafe[0].kind == "unsafe"


def test_load_and_render_an_archive_file(tmp_path):
    from converter import FORMATS, convert, load, render
    archive = convert(NOTICE)
    path = tmp_path / "a.xml"
    archive.write(path)
    back = load(path)
    assert back.forms == ("notice",) and back.name == NOTICE.name
    assert set(FORMATS) == set(SUFFIXES)
    for to in FORMATS:
        assert render(path, to) == archive.render(to) == render(back, to)
    with pytest.raises(ValueError, match="unknown output format"):
        render(archive, "pdf")


def test_import_converter_is_cheap():
    """`import converter` loads none of the pipeline; its public names load on first use."""
    code = ("import sys, converter; print(sorted(m for m in sys.modules if m.startswith('converter')));"
            "converter.convert; print('converter.api' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, api_after = done.stdout.splitlines()
    assert loaded == "['converter']" and api_after == "True"


@pytest.mark.parametrize("to", list(SUFFIXES))
def test_every_format_for_a_file_stdin_and_a_directory(tmp_path, to):
    one = gongwen("convert", "--to", to, NOTICE)
    assert one.returncode == 0, one.stderr
    piped = gongwen("convert", "-", "--to", to, "--name", NOTICE.name, stdin=NOTICE.read_bytes())
    assert piped.returncode == 0 and piped.stdout == one.stdout
    tree = tmp_path / "in" / "sub"
    tree.mkdir(parents=True)
    (tree / "n.txt").write_bytes(NOTICE.read_bytes())
    (tmp_path / "in" / "m.md.txt").write_bytes(NOTICE.read_bytes())
    done = gongwen("convert", tmp_path / "in", "-o", tmp_path / "out", "--to", to, "-q")
    assert done.returncode == 0, done.stderr
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == sorted([f"m.md{SUFFIXES[to]}", f"sub/n{SUFFIXES[to]}"])
    assert (tmp_path / "out" / "sub" / f"n{SUFFIXES[to]}").read_bytes() == gongwen(
        "convert", "--to", to, tree / "n.txt").stdout
    again = gongwen("convert", tmp_path / "in", "-o", tmp_path / "out", "--to", to)
    assert again.returncode == 0 and again.stderr.count(b"skipped") == 1


def test_stdin_is_named_stdin_unless_named(tmp_path):
    piped = gongwen("convert", "-", stdin=NOTICE.read_bytes())
    assert b'<source name="&lt;stdin&gt;"' in piped.stdout
    gongwen("convert", "-", "-o", tmp_path, stdin=NOTICE.read_bytes())
    assert (tmp_path / "stdin.xml").exists()
    gongwen("convert", "-", "-o", tmp_path, "--name", "n.txt", "--to", "html", stdin=NOTICE.read_bytes())
    assert (tmp_path / "n.html").exists()
    bad = gongwen("convert", "-", stdin=b"%PDF-1.7\n\x00")
    assert bad.returncode == 1 and bad.stderr == b"gongwen: <stdin>: not a text document (looks like PDF)\n"
    assert gongwen("convert", "-", NOTICE).returncode == 2


def test_validate_and_inspect_read_stdin():
    xml = gongwen("convert", NOTICE).stdout
    assert gongwen("validate", "-", stdin=xml).returncode == 0
    bad = gongwen("validate", "-", "--format", "json", stdin=xml.replace(b'form="notice"', b'form="memo"'))
    assert bad.returncode == 1 and json.loads(bad.stdout)[0]["file"] == "<stdin>"
    outline = gongwen("inspect", "-", stdin=NOTICE.read_bytes())
    assert outline.returncode == 0 and "docNumber: 发改办财金规〔2019〕860号" in outline.stdout.decode()
    assert gongwen("inspect", "-", stdin=xml).stdout == outline.stdout.replace(b"<stdin>", NOTICE.name.encode())


def test_render_archive_files(tmp_path):
    archive = tmp_path / "archive"
    assert gongwen("convert", SAMPLES / "more", "-o", archive, "-q").returncode == 0
    page = gongwen("render", archive / "ndrc-2019-860-notice.xml")
    assert page.returncode == 0 and page.stdout == gongwen("convert", "--to", "html", NOTICE).stdout
    done = gongwen("render", archive, "-o", tmp_path / "md", "--to", "markdown")
    assert done.returncode == 0
    assert (tmp_path / "md" / "ndrc-2019-860-notice.md").read_bytes() == gongwen(
        "convert", "--to", "markdown", NOTICE).stdout
    broken = tmp_path / "broken.xml"
    broken.write_text("<archive>")
    failed = gongwen("render", broken)
    assert failed.returncode == 1 and failed.stderr.decode().startswith(f"gongwen: {broken}: not a valid archive: 1:")
    assert gongwen("render", "-", "--to", "json", stdin=(archive / "ndrc-2019-860-notice.xml").read_bytes()
                   ).stdout == gongwen("convert", "--to", "json", NOTICE).stdout


@pytest.mark.skipif(not (os.environ.get("CI") or os.environ.get("GONGWEN_INSTALL_TEST")),
                    reason="builds and installs the package (6 s): runs in CI, or with GONGWEN_INSTALL_TEST=1")
def test_the_installed_package_ships_the_stylesheet_and_the_akn_schema(tmp_path):
    """A non-editable install (what pip install . makes) finds its schemas/ files inside the package."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                    "--target", str(target), str(SAMPLES.parent)], check=True, capture_output=True)
    code = ("import converter, converter.publish.resources as r; from converter.publish import akn;"
            "assert converter.__file__.startswith(%r);"
            "print(all(r.schema_file(n).is_file() for n in ('gongwen-html.xsl', 'akn/akomantoso30.xsd', "
            "'akn/xml.xsd', 'gongwen-archive-1.0.xsd'))); akn.schema()" % str(target))
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(target)},
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr


def test_the_public_names_are_the_api_whatever_was_imported_before():
    """No submodule shadows a public name: `validate` and `render` are the API's functions after the pipeline ran."""
    from converter import pipeline   # noqa: F401  (imports every stage: tree/, validation, publish …)
    from converter import api, convert, render, validate
    assert validate is api.validate and render is api.render
    assert validate(convert(NOTICE).xml) == []
