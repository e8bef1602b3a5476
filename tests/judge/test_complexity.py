"""The growth estimate is honest: right band on clean data, no guess from thin data."""

from __future__ import annotations

import math
import random

import pytest

from prep.judge.complexity import estimate, sizes, worse_than_expected

NS = sizes(1000, 64000)


def _points(f: object, noise: float = 0.05, seed: int = 1) -> list[tuple[int, float]]:
    rng = random.Random(seed)
    return [(n, f(n) * (1 + rng.random() * noise)) for n in NS]  # type: ignore[operator]


def test_sizes_are_geometric_and_span_the_range() -> None:
    assert NS[0] == 1000 and NS[-1] == 64000 and len(NS) == 7


@pytest.mark.parametrize(
    "model,expected,estimated,flagged",
    [
        (lambda n: 0.001 * n + 0.05, "O(n)", "O(n)", False),
        (
            lambda n: 0.0001 * n * math.log2(n) + 0.05,
            "O(n)",
            "O(n)",
            False,
        ),  # same band: cannot tell
        (lambda n: 2e-6 * n * n + 0.05, "O(n)", "O(n^2)", True),
        (lambda n: 2e-6 * n * n + 0.05, "O(n log n)", "O(n^2)", True),
        (lambda n: 0.01 * math.log2(n) + 2.0, "O(log n)", "O(log n)", False),
    ],
)
def test_estimate_reports_the_band_and_flags_worse_ones(
    model: object, expected: str, estimated: str, flagged: bool
) -> None:
    result = estimate(expected, _points(model))
    assert result.estimated == estimated
    assert worse_than_expected(result) is flagged


def test_too_few_points_give_no_estimate() -> None:
    result = estimate("O(n)", [(1000, 1.0), (2000, 2.0), (4000, 4.0)])
    assert (result.estimated, result.confidence) == (None, "insufficient")


def test_times_too_small_to_measure_give_no_estimate() -> None:
    result = estimate("O(n)", _points(lambda n: 1e-6 * n))
    assert result.estimated is None


def test_a_narrow_size_range_gives_no_estimate() -> None:
    points = [(1000 + 100 * i, float(i + 3)) for i in range(7)]
    assert estimate("O(n)", points).estimated is None


def test_the_schema_offers_exactly_the_classes_the_judge_fits() -> None:
    from typing import get_args

    from prep.content.problem_models import ComplexityClass
    from prep.judge.complexity import BAND, MODELS

    assert list(get_args(ComplexityClass)) == list(MODELS) == list(BAND)


def test_disturbed_measurements_never_earn_confidence() -> None:
    points = _points(lambda n: 2e-6 * n * n + 0.05)
    disturbed = [points[0], (points[1][0], points[2][1] * 2), *points[2:]]  # size 2 slower than 3
    result = estimate("O(n)", disturbed)
    assert result.confidence == "low"
    assert not worse_than_expected(result)
