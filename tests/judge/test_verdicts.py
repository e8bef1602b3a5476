"""Every verdict, produced by real submissions through the real sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from prep.content.catalog import Problem
from prep.content.loader import load_catalog
from prep.judge.service import Judge
from prep.judge.verdicts import (
    ACCEPTED,
    COMPILE_ERROR,
    RUNTIME_ERROR,
    SKIPPED,
    TIME_LIMIT,
    WRONG_ANSWER,
)
from tests.judge.conftest import INCREMENT, write_problem


def test_reference_is_accepted_with_per_case_times(judge: Judge, increment: Problem) -> None:
    judgement = judge.submit(increment, increment.reference)
    assert judgement.verdict == ACCEPTED and (judgement.passed, judgement.total) == (4, 4)
    assert all(c.time_ms is not None and c.time_ms >= 0 for c in judgement.cases)
    assert judgement.message == "accepted: all 4 cases passed"
    first = judgement.to_json()["cases"][0]
    assert first == {
        "name": "one",
        "verdict": ACCEPTED,
        "time_ms": first["time_ms"],
        "sample": True,
        "message": None,
        "input": {"x": 1},
        "expected": 2,
        "actual": 2,
        "stdout": first["stdout"],
    }
    hidden = next(c for c in judgement.to_json()["cases"] if not c["sample"])
    assert "input" not in hidden and "expected" not in hidden  # hidden cases stay hidden


def test_wrong_answer_on_a_sample_shows_input_expected_and_actual(
    judge: Judge, increment: Problem
) -> None:
    judgement = judge.submit(increment, "def solve(x):\n    return x * 3\n")
    assert judgement.verdict == WRONG_ANSWER
    first = judgement.first_failure
    assert first is not None and first.name == "one" and first.sample
    assert (first.input, first.expected, first.actual) == ({"x": 1}, 2, 3)
    zero = next(c for c in judgement.cases if c.name == "zero")
    assert (zero.input, zero.expected, zero.actual, zero.verdict) == ({"x": 0}, 1, 0, WRONG_ANSWER)


def test_wrong_answer_on_a_hidden_case_reveals_only_its_name(
    judge: Judge, increment: Problem
) -> None:
    judgement = judge.submit(increment, "def solve(x):\n    return x + 1 if x >= 0 else 0\n")
    assert judgement.verdict == WRONG_ANSWER
    hidden = judgement.first_failure
    assert hidden is not None and hidden.name == "negative" and not hidden.sample
    assert (hidden.input, hidden.expected, hidden.actual) == (None, None, None)
    assert "hidden case negative" in judgement.message and "-4" not in judgement.message


def test_compile_error_names_the_line(judge: Judge, increment: Problem) -> None:
    judgement = judge.submit(increment, "def solve(x):\n    return x +\n")
    assert judgement.verdict == COMPILE_ERROR
    assert "line 2" in judgement.message
    assert all(c.verdict == SKIPPED for c in judgement.cases)


def test_runtime_error_traceback_shows_only_the_candidates_code(
    judge: Judge, increment: Problem
) -> None:
    code = "def helper(x):\n    return {}[x]\n\ndef solve(x):\n    return helper(x)\n"
    judgement = judge.submit(increment, code)
    assert judgement.verdict == RUNTIME_ERROR
    message = judgement.message
    assert 'File "solution.py", line 5, in solve' in message and "line 2, in helper" in message
    assert "KeyError: 1" in message and "harness" not in message and "prep/judge" not in message


def test_missing_entry_point_is_a_runtime_error_that_says_so(
    judge: Judge, increment: Problem
) -> None:
    judgement = judge.submit(increment, "def solve_it(x):\n    return x + 1\n")
    assert judgement.verdict == RUNTIME_ERROR and "does not define solve" in judgement.message


def test_time_limit_is_per_case_and_later_cases_are_skipped(
    judge: Judge, increment: Problem
) -> None:
    code = "def solve(x):\n    while x < 0:\n        pass\n    return x + 1\n"
    judgement = judge.submit(increment, code)
    assert judgement.verdict == TIME_LIMIT
    verdicts = [c.verdict for c in judgement.cases]
    assert verdicts == [ACCEPTED, ACCEPTED, TIME_LIMIT, SKIPPED]


def test_samples_only_runs_the_samples(judge: Judge, increment: Problem) -> None:
    judgement = judge.run_samples(increment, increment.reference)
    assert [c.name for c in judgement.cases] == ["one", "zero"]


def test_oversized_code_is_refused_before_judging(judge: Judge, increment: Problem) -> None:
    with pytest.raises(ValueError, match="larger than"):
        judge.submit(increment, "#" * (300 * 1024))


DESIGN_AND_STRUCTURES = {
    "problems/counter/problem.yaml": """\
title: Counter
difficulty: easy
topics: [gens]
pattern: design
kind: design
class_name: Counter
methods: ["def __init__(self, start: int)", "def add(self, n: int) -> int"]
bad: [{file: wrong.py, verdict: wrong_answer, why: ignores start}]
""",
    "problems/counter/cases.yaml": """\
cases:
  - {name: basic, why: adds up, sample: true, input: {ops: [Counter, add, add], args: [[10], [1], [2]]}, expected: [null, 11, 13]}
""",
    "problems/counter/statement.md": "# Counter\n",
    "problems/counter/starter.py": "class Counter:\n    pass\n",
    "problems/counter/reference.py": "class Counter:\n    def __init__(self, start):\n        self.total = start\n    def add(self, n):\n        self.total += n\n        return self.total\n",
    "problems/counter/bad/wrong.py": "class Counter:\n    def __init__(self, start):\n        self.total = 0\n    def add(self, n):\n        self.total += n\n        return self.total\n",
    "problems/reverse/problem.yaml": """\
title: Reverse
difficulty: easy
topics: [gens]
pattern: linked list
signature: "def reverse_list(head: ListNode | None) -> ListNode | None"
bad: [{file: wrong.py, verdict: wrong_answer, why: returns the input}]
""",
    "problems/reverse/cases.yaml": """\
cases:
  - {name: three, why: basic, sample: true, input: {head: [1, 2, 3]}, expected: [3, 2, 1]}
  - {name: empty, why: empty list, input: {head: []}, expected: []}
""",
    "problems/reverse/statement.md": "# Reverse\n",
    "problems/reverse/starter.py": "def reverse_list(head):\n    pass\n",
    "problems/reverse/reference.py": "def reverse_list(head):\n    prev = None\n    while head:\n        head.next, prev, head = prev, head, head.next\n    return prev\n",
    "problems/reverse/bad/wrong.py": "def reverse_list(head):\n    return head\n",
}


@pytest.fixture(scope="module")
def more_problems(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Problem]:
    root = write_problem(tmp_path_factory.mktemp("content"), INCREMENT | DESIGN_AND_STRUCTURES)
    return dict(load_catalog(root).require().problems)


def test_design_problem_runs_the_operation_sequence(
    judge: Judge, more_problems: dict[str, Problem]
) -> None:
    counter = more_problems["counter"]
    assert judge.submit(counter, counter.reference).verdict == ACCEPTED
    wrong = judge.submit(counter, counter.bad["wrong.py"])
    assert wrong.verdict == WRONG_ANSWER and wrong.cases[0].actual == [None, 1, 3]


def test_linked_lists_are_converted_both_ways(
    judge: Judge, more_problems: dict[str, Problem]
) -> None:
    reverse = more_problems["reverse"]
    assert judge.submit(reverse, reverse.reference).verdict == ACCEPTED
    wrong = judge.submit(reverse, reverse.bad["wrong.py"])
    assert wrong.cases[0].actual == [1, 2, 3]
    cyclic = "def reverse_list(head):\n    if head:\n        head.next = head\n    return head\n"
    assert judge.submit(reverse, cyclic).verdict == RUNTIME_ERROR


def test_content_check_rejects_a_bad_solution_with_the_wrong_declared_verdict(
    tmp_path: Path,
) -> None:
    from prep.content.check import check_content

    files = INCREMENT | {
        "problems/increment/problem.yaml": INCREMENT["problems/increment/problem.yaml"].replace(
            "verdict: wrong_answer", "verdict: time_limit"
        )
    }
    report = check_content(write_problem(tmp_path / "content", files))
    assert [str(d) for d in report.diagnostics if "increment" in d.path] == [
        "problems/increment/bad/off_by_one.py: expected time_limit, got wrong_answer: "
        "wrong answer on sample case one (0/4 passed)",
        "problems/increment/cases.yaml: field cases: 4 cases; a problem needs at least 12",
    ]
