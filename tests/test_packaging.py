"""The package list in pyproject.toml names every package folder, so an installed gongwen is whole."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_for_installation():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "converter").rglob("__init__.py")}
    assert folders - listed == set(), "package folders missing from [tool.setuptools] packages"
    assert listed - folders <= {"converter.schemas"}, "listed packages that are no folder"
