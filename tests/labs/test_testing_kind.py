"""Test-writing labs: the candidate's tests run against the correct module and its mutants."""

from __future__ import annotations

import pytest

from prep.content.catalog import Catalog
from prep.judge.service import Judge
from prep.labs.content_check import judge_solution

SLUG = "test-bulk-pricing"


def test_a_thorough_suite_kills_every_mutant(real_catalog: Catalog, judge: Judge) -> None:
    lab = real_catalog.labs[SLUG]
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message
    assert judgement.extra["mutation_score"] == 1.0
    assert judgement.extra["survivors"] == []
    assert judgement.to_json()["mutation_score"] == 1.0


def test_surviving_mutants_are_described(real_catalog: Catalog, judge: Judge) -> None:
    lab = real_catalog.labs[SLUG]
    judgement = judge_solution(lab, lab.bad["happy_path_only.py"], judge)
    assert judgement.verdict == "wrong_answer"
    assert judgement.extra["mutation_score"] == 0.2
    assert judgement.extra["killed"] == ["top_tier_missing"]
    assert "mutation score 1/5" in judgement.message
    assert "the 5% tier starts at 11 units instead of 10" in judgement.message


def test_a_suite_failing_on_the_correct_module_is_rejected_with_its_failures(
    real_catalog: Catalog, judge: Judge
) -> None:
    lab = real_catalog.labs[SLUG]
    judgement = judge_solution(lab, lab.bad["expects_wrong_discount.py"], judge)
    assert judgement.verdict == "wrong_answer"
    assert "fail on the correct implementation" in judgement.message
    assert "test_ten_units_get_ten_percent_off" in judgement.message
    assert "mutation_score" not in judgement.extra


@pytest.mark.parametrize(
    ("tests", "verdict", "says"),
    [
        pytest.param(
            "import subprocess\n\ndef test_x():\n    subprocess.run(['id'])\n",
            "runtime_error",
            "tried to start a process",
            id="spawns-a-process",
        ),
        pytest.param(
            "def test_forever():\n    while True:\n        pass\n",
            "time_limit",
            "",
            id="loops-forever",
        ),
        pytest.param(
            "def test_broken(:\n    pass\n",
            "compile_error",
            "line 1",
            id="is-not-python",
        ),
    ],
)
def test_hostile_or_broken_test_files_are_contained(
    real_catalog: Catalog, judge: Judge, tests: str, verdict: str, says: str
) -> None:
    judgement = judge_solution(real_catalog.labs[SLUG], tests, judge)
    assert judgement.verdict == verdict
    assert says in judgement.message
