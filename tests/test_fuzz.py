"""The mutation fuzzer's short deterministic pass (issue 11); the long run is `python -m tests.fuzz`."""

from __future__ import annotations

from collections import Counter

import pytest

from tests import fuzz

# Small sizes and few cases: a few seconds. Same seed every run, so a failure here is reproducible:
# python -m tests.fuzz --seed 11 --scale 0.02 --cases 80
CI_SEED, CI_SCALE, CI_CASES = 11, 0.02, 80
OUTCOMES = [fuzz.check(fuzz.make_case(CI_SEED, index, CI_SCALE)) for index in range(CI_CASES)]


@pytest.mark.parametrize("outcome", OUTCOMES, ids=lambda o: f"case{o.index}")
def test_a_mutated_sample_converts_valid_and_lossless_or_fails_in_one_line(outcome):
    assert outcome.kind in ("converted", "refused", "known"), f"case {outcome.index}: {outcome.detail}"
    assert outcome.seconds < fuzz.TIME_LIMIT


def test_the_pass_tries_every_mutation_kind():
    tried = Counter(m for index in range(CI_CASES) for m in fuzz.make_case(CI_SEED, index, CI_SCALE).mutations)
    assert set(tried) == set(fuzz.MUTATIONS)


def test_a_case_is_made_again_from_its_number():
    assert fuzz.make_case(3, 17, 0.1) == fuzz.make_case(3, 17, 0.1)
    assert fuzz.make_case(3, 17, 0.1).data != fuzz.make_case(3, 18, 0.1).data


def test_numbered_headings_count_in_chinese():
    assert [fuzz.cn_numeral(n) for n in (1, 10, 12, 20, 105, 1010, 9999)] == \
        ["一", "十", "十二", "二十", "一百零五", "一千零一十", "九千九百九十九"]
