"""How an actual result is compared with the expected one. Runs in the trusted parent, on plain
data decoded from JSON, so nothing the submission defines takes part in the comparison."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import Any

from prep.content.catalog import Problem

Checker = Callable[[dict[str, Any], Any, Any], bool | str]
FLOAT_TOLERANCE = 1e-6


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _exact(expected: Any, actual: Any) -> bool:
    # json round-trip types only; bool is not int here (True must not pass for 1)
    if type(expected) is not type(actual) and not (
        isinstance(expected, int | float)
        and isinstance(actual, int | float)
        and not isinstance(expected, bool)
        and not isinstance(actual, bool)
    ):
        return False
    if isinstance(expected, list):
        return len(expected) == len(actual) and all(
            _exact(e, a) for e, a in zip(expected, actual, strict=True)
        )
    if isinstance(expected, dict):
        return expected.keys() == actual.keys() and all(
            _exact(expected[k], actual[k]) for k in expected
        )
    return bool(expected == actual)


def _unordered(expected: Any, actual: Any) -> bool:
    if not isinstance(expected, list) or not isinstance(actual, list):
        return _exact(expected, actual)
    return Counter(map(_key, expected)) == Counter(map(_key, actual))


def _unordered_nested(expected: Any, actual: Any) -> bool:
    def normal(groups: Any) -> Any:
        if not isinstance(groups, list) or not all(isinstance(g, list) for g in groups):
            return None
        return Counter(_key(sorted(g, key=_key)) for g in groups)

    return normal(actual) is not None and normal(expected) == normal(actual)


def _float(expected: Any, actual: Any) -> bool:
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(_float(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if (
        isinstance(expected, int | float)
        and isinstance(actual, int | float)
        and not isinstance(actual, bool)
    ):
        return math.isclose(expected, actual, rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE)
    return _exact(expected, actual)


COMPARATORS: dict[str, Callable[[Any, Any], bool]] = {
    "exact": _exact,
    "unordered": _unordered,
    "unordered_nested": _unordered_nested,
    "float": _float,
}


def load_checker(problem: Problem) -> Checker | None:
    """The problem's checker.py `check(input, expected, actual)`: trusted content code."""
    if problem.checker is None:
        return None
    check: Checker = content_function(problem.checker, str(problem.path / "checker.py"), "check")
    return check


@cache
def content_function(source: str, filename: str, name: str) -> Any:
    """A function defined by trusted content code (checker.py, generator.py), compiled once."""
    namespace: dict[str, Any] = {}
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


def matches(
    problem: Problem,
    checker: Checker | None,
    case_input: dict[str, Any],
    expected: Any,
    actual: Any,
) -> tuple[bool, str | None]:
    """(accepted?, an explanation when a checker gives one)."""
    if checker is not None:
        outcome = checker(case_input, expected, actual)
        if isinstance(outcome, str):
            return False, outcome
        return bool(outcome), None
    return COMPARATORS[problem.spec.compare](expected, actual), None
