"""Every sample converts to valid, lossless, deterministic XML equal to its reviewed golden file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from lxml import etree

from converter import pipeline, reader, validation
from tests.conftest import ALL_SAMPLES, assert_lossless, golden_path


@pytest.fixture(scope="module", params=ALL_SAMPLES, ids=lambda p: p.name)
def converted(request):
    path = request.param
    return path, reader.read_source(path), pipeline.convert_file(path)


def test_output_is_valid_with_both_validators(converted):
    _, _, result = converted
    root = etree.fromstring(result.xml)
    assert validation.problems(root) == []
    errors = list(validation.xmlschema_schema().iter_errors(root))
    assert errors == []


def test_output_is_lossless(converted):
    _, source, result = converted
    assert_lossless(source.text, result.xml)


def test_output_is_deterministic_in_process(converted):
    path, _, result = converted
    assert pipeline.convert_file(path).xml == result.xml


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda p: p.name)
def test_output_matches_reviewed_golden(sample, update_goldens):
    xml = pipeline.convert_file(sample).xml
    golden = golden_path(sample)
    if update_goldens:
        golden.write_bytes(xml)
    assert golden.exists(), f"no golden file {golden.name}; run pytest --update-goldens and review it"
    assert xml == golden.read_bytes()


def test_output_is_identical_across_hash_seeds_time_zones_and_locales(tmp_path):
    sample = next(p for p in ALL_SAMPLES if p.name.startswith("wuchang"))
    outputs = []
    for seed, tz, lang in (("0", "UTC", "C"), ("12345", "Asia/Shanghai", "zh_CN.UTF-8")):
        env = dict(os.environ, PYTHONHASHSEED=seed, TZ=tz, LANG=lang, LC_ALL=lang)
        done = subprocess.run([sys.executable, "-m", "converter", "convert", str(sample)],
                              capture_output=True, env=env, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0] == pipeline.convert_file(sample).xml
