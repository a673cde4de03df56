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
    code = ("import sys; from converter.entry import main; sys.argv = ['gongwen', '--version']; main(); "
            "print(sorted(m for m in ('typing', 're', 'click', 'lxml', 'socket', 'tempfile') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


def test_import_leaves_optional_modules_out() -> None:
    # modules only some inputs or options need are imported where they are used
    code = ("import sys; before = set(sys.modules); import converter.cli, converter.pipeline; "
            "print(sorted(m for m in ('socket', 'tempfile', 'json', 'difflib', 'html.parser', 'html') "
            "if m in sys.modules and m not in before))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
