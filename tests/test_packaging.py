"""A plain `pip install .` ships every subpackage of converter (pyproject lists them by name)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages\s*=\s*\[(.*?)\]", text, re.S | re.M)
    assert block, "no packages list under [tool.setuptools]"
    listed = set(re.findall(r'"([\w.]+)"', block.group(1)))
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "converter").rglob("__init__.py")}
    assert found - listed == set(), "subpackages missing from [tool.setuptools] packages"
