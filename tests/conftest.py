"""Shared fixtures: the sample inputs, their golden XML, and a lossless assertion."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from converter import lossless

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# Every sample input; each has its reviewed golden XML beside it.
ALL_SAMPLES = sorted([*SAMPLES.glob("seeds/*.txt"), *SAMPLES.glob("more/*.txt")])




def sample_corpus(folder: Path, copies: int) -> Path:
    """`folder` holding `copies` subfolders batch00, batch01 … of every sample: a batch to convert or kill."""
    for k in range(copies):
        sub = folder / f"batch{k:02d}"
        sub.mkdir(parents=True)
        for path in ALL_SAMPLES:
            shutil.copy(path, sub / path.name)
    return folder


def golden_path(sample: Path) -> Path:
    return sample.with_name(sample.stem + ".xml")


def assert_lossless(input_text: str, xml: bytes) -> None:
    """FORMAT.md guarantee 2: the reading flow plus residue is the input's Han and digits."""
    loss = lossless.check(input_text, xml)
    assert loss is None, f"not lossless at {loss}"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite samples/*/*.xml from the current converter (review them before committing)")
    parser.addoption("--update-fixtures", action="store_true",
                     help="rewrite tests/fixtures/*/*.xml and .warnings from the current converter (review them)")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture
def update_fixtures(request) -> bool:
    return request.config.getoption("--update-fixtures")
