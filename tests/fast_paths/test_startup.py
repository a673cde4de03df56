"""Start-up work moved out of the import path (issue 12 item 3) must not change what is computed."""

from __future__ import annotations

import socket
import subprocess
import sys

from converter import writer


def test_host_name_is_gethostname() -> None:
    # the machine tag names temporaries: os.uname() on Linux must give socket's name exactly
    assert writer.host_name() == socket.gethostname()


def test_version_imports_nothing_heavy() -> None:
    # what the interpreter's start-up loaded already (an editable install's finder imports re) does not count
    code = ("import sys; before = set(sys.modules); from converter.entry import main; "
            "sys.argv = ['gongwen', '--version']; main(); "
            "print(sorted(m for m in ('typing', 're', 'click', 'lxml', 'socket', 'tempfile') "
            "if m in sys.modules and m not in before))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


def test_import_leaves_optional_modules_out() -> None:
    # modules only some inputs or options need are imported where they are used
    code = ("import sys; before = set(sys.modules); import converter.cli, converter.pipeline; "
            "print(sorted(m for m in ('socket', 'tempfile', 'json', 'difflib', 'html.parser', 'html') "
            "if m in sys.modules and m not in before))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_furniture_alternation_is_compiled_as_before() -> None:
    import re

    from converter.normalise.furniture import FURNITURE, FURNITURE_RULES, alternation, furniture_pattern
    from converter.patterns import compiled

    slow = re.compile("|".join(f"(?P<r{k}>{rule.pattern.pattern})" for k, rule in enumerate(FURNITURE_RULES)))
    assert compiled(furniture_pattern(FURNITURE_RULES)) == slow
    assert FURNITURE.pattern == alternation(FURNITURE_RULES) == slow.pattern
    for text in ("— 26 —", "1/3", "（此页无正文）", "2026/5/19 19:11", "https://a.cn/", "（共印50份）", "★", "", "正文", "\u3000"):
        fast, want = FURNITURE.fullmatch(text), slow.fullmatch(text)
        assert (fast and fast.lastgroup) == (want and want.lastgroup)


def test_schema_path_is_what_importlib_resources_finds() -> None:
    from importlib import resources
    from pathlib import Path

    from converter import validation

    try:
        ref = Path(str(resources.files("converter.schemas") / validation.SCHEMA_FILE))
    except ModuleNotFoundError:         # a checkout on sys.path: the schemas/ folder beside the package
        ref = Path(validation.__file__).resolve().parent.parent / "schemas" / validation.SCHEMA_FILE
    assert validation.schema_path().resolve() == ref.resolve() and ref.is_file()
