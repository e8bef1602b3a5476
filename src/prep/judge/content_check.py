"""Problem checks for `prep content check`: the reference is accepted on every case and every
known-bad solution is rejected with exactly the verdict it declares."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from prep.content.catalog import Problem
from prep.content.diagnostics import Diagnostic, relative
from prep.judge.grading import JudgeError
from prep.judge.service import Judge
from prep.judge.verdicts import ACCEPTED

MIN_CASES = 12


def check_problems(
    problems: Iterable[Problem], root: Path, judge: Judge | None = None
) -> tuple[list[Diagnostic], int]:
    """(diagnostics, number of submissions judged); uses `judge` if given, else its own."""
    problems = list(problems)
    diagnostics: list[Diagnostic] = []
    for problem in problems:
        total = len(problem.cases) + len(problem.spec.perf_cases)
        if total < MIN_CASES:
            diagnostics.append(
                Diagnostic(
                    relative(problem.path / "cases.yaml", root),
                    None,
                    "cases",
                    f"{total} cases; a problem needs at least {MIN_CASES}",
                )
            )
    runs = [(p, label, code, expected) for p in problems for label, code, expected in _solutions(p)]
    own = judge is None
    active = judge or Judge()
    try:
        with ThreadPoolExecutor(max_workers=active.pool.size) as threads:
            results = list(threads.map(lambda r: _verdict(active, r[0], r[2]), runs))
    finally:
        if own:
            active.close()
    for (problem, label, _, expected), (verdict, message) in zip(runs, results, strict=True):
        if verdict != expected:
            where = relative(
                problem.path / ("reference.py" if label == "reference" else f"bad/{label}"), root
            )
            diagnostics.append(
                Diagnostic(where, None, None, f"expected {expected}, got {verdict}: {message}")
            )
    return diagnostics, len(runs)


def _solutions(problem: Problem) -> list[tuple[str, str, str]]:
    return [("reference", problem.reference, ACCEPTED)] + [
        (bad.file, problem.bad[bad.file], bad.verdict) for bad in problem.spec.bad
    ]


def _verdict(judge: Judge, problem: Problem, code: str) -> tuple[str, str]:
    try:
        judgement = judge.submit(problem, code, complexity=False)
    except JudgeError as exc:
        return "judge_error", str(exc)
    return judgement.verdict, judgement.message
