"""The README's publishing and API examples run as written (in a scratch folder with the samples)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLES

README = SAMPLES.parent / "README.md"


def blocks(language: str, section: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    start = text.index(section)
    end = text.find("\n## ", start)
    return re.findall(rf"```{language}\n(.*?)```", text[start:end], re.S)


def scratch(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "samples").symlink_to(SAMPLES)
    bin_dir = Path(sys.executable).parent
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}


def test_publishing_shell_examples_run(tmp_path):
    env = scratch(tmp_path)
    (script,) = blocks("sh", "### Publishing")
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for name in ("notice.html", "notice.akn.xml", "notice.json", "notice.md", "notice.xml", "notice-again.html"):
        assert (tmp_path / name).stat().st_size > 0, name
    assert (tmp_path / "notice-again.html").read_bytes() == (tmp_path / "notice.html").read_bytes().replace(
        b"ndrc-2019-860-notice.txt", b"notice.txt")
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == sorted(
        p.name.rsplit(".", 1)[0] + ".html" for p in (SAMPLES / "seeds").iterdir()
        if p.suffix in (".txt", ".md") and p.stem.upper() != "README")          # a folder's README is no input
    assert list((tmp_path / "site-md").glob("*.md"))


def test_python_api_example_runs(tmp_path):
    env = scratch(tmp_path)
    (script,) = blocks("python", "### Python API")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["('notice',) 1 ()", "关于加强个人所得税纳税信用建设的通知",
                                        "<bytes>: not a text document (looks like PDF)"]
