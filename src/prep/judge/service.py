"""Judging a submission for a problem: build the job, run it in the sandbox, grade it.

The expected outputs of generated (performance) cases come from running the reference solution
through the same sandbox once per process; they are kept here, in the trusted parent.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable
from typing import Any

from prep.content.catalog import Problem
from prep.content.problem_models import parse_signature, structure_kind
from prep.judge import complexity
from prep.judge.compare import content_function, load_checker, matches
from prep.judge.grading import JudgeCase, JudgeError, grade
from prep.judge.pool import JudgePool
from prep.judge.verdicts import ACCEPTED, Judgement

LOAD_MS = 3000
OUTPUT_LIMIT_CHARS = 64 * 1024
COMPLEXITY_REPEATS = 5
COMPLEXITY_CASE_MS = 3000
MAX_CODE_BYTES = 256 * 1024

Progress = Callable[[int, int], None]


class Judge:
    """Thread-safe; one per process (the CLI) or per server (the web app later)."""

    def __init__(self, pool: JudgePool | None = None) -> None:
        self.pool = pool or JudgePool()
        self._expected: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.pool.close()

    def run_samples(self, problem: Problem, code: str) -> Judgement:
        cases = [_authored(problem, c) for c in problem.samples]
        return self._judge(problem, code, cases, None)

    def submit(
        self,
        problem: Problem,
        code: str,
        progress: Progress | None = None,
        *,
        complexity: bool = True,
    ) -> Judgement:
        """All cases, then (when accepted and the problem has a generator) the growth estimate."""
        cases = [_authored(problem, c) for c in problem.cases] + self._perf_cases(problem)
        judgement = self._judge(problem, code, cases, progress)
        if complexity and judgement.verdict == ACCEPTED and problem.spec.complexity is not None:
            judgement = self._with_complexity(problem, code, judgement)
        return judgement

    def _judge(
        self, problem: Problem, code: str, cases: list[JudgeCase], progress: Progress | None
    ) -> Judgement:
        if len(code.encode()) > MAX_CODE_BYTES:
            raise ValueError(f"the solution is larger than {MAX_CODE_BYTES // 1024} KB")
        report = self.pool.run(_job(problem, code, cases), on_progress=progress)
        report["memory_limit_kb"] = problem.spec.memory_limit_mb * 1024
        checker = load_checker(problem)
        return grade(
            lambda case_input, expected, actual: matches(
                problem, checker, case_input, expected, actual
            ),
            cases,
            report,
        )

    def remember(self, key: tuple[str, str], compute: Callable[[], Any]) -> Any:
        """A value computed once per judge (reference outputs): trusted, kept in this process."""
        with self._lock:
            if key in self._expected:
                return self._expected[key]
        value = compute()
        with self._lock:
            self._expected[key] = value
        return value

    def _perf_cases(self, problem: Problem) -> list[JudgeCase]:
        out = []
        for perf in problem.spec.perf_cases:
            case_input = generate(problem, perf.n, perf.seed)
            limit = perf.time_limit_ms or problem.spec.time_limit_ms
            out.append(
                JudgeCase(
                    perf.name,
                    case_input,
                    self._reference_output(problem, perf.name, case_input, limit),
                    False,
                    limit,
                )
            )
        return out

    def _reference_output(
        self, problem: Problem, name: str, case_input: dict[str, Any], limit_ms: int
    ) -> Any:
        key = (problem.slug, name)
        with self._lock:
            if key in self._expected:
                return self._expected[key]
        probe = JudgeCase(name, case_input, None, False, limit_ms * 5)
        report = self.pool.run(_job(problem, problem.reference, [probe]))
        done = [f for f in report.get("frames", []) if f.get("t") == "done"]
        if not done:
            raise JudgeError(
                f"{problem.slug}: the reference solution failed on generated case {name}: {report}"
            )
        with self._lock:
            self._expected[key] = done[0]["value"]
        return done[0]["value"]

    def _with_complexity(self, problem: Problem, code: str, judgement: Judgement) -> Judgement:
        from dataclasses import replace

        spec = problem.spec.complexity
        assert spec is not None
        points = measure(self.pool, problem, code, complexity.sizes(spec.min_n, spec.max_n))
        result = complexity.estimate(spec.expected, points)
        notes = judgement.notes
        message = judgement.message
        if complexity.worse_than_expected(result):
            note = (
                f"accepted, but grows like {result.estimated}; "
                f"the intended solution is {spec.expected}"
            )
            notes = (*notes, note)
            message = note
        return replace(judgement, complexity=result, notes=notes, message=message)


def measure(pool: JudgePool, problem: Problem, code: str, ns: list[int]) -> list[tuple[int, float]]:
    """Best-of-N CPU time per size; stops at the first size that runs out of time.

    CPU time, not wall time, so a busy machine does not bend the curve. It is the child's own
    measurement: precise, and only ever advisory (a verdict never depends on it), so a
    submission that lies about it can only hide a note about itself."""
    cases = []
    for n in ns:
        case_input = generate(problem, n, seed=n)
        cases += [
            JudgeCase(f"n{n}-{r}", case_input, None, False, COMPLEXITY_CASE_MS)
            for r in range(COMPLEXITY_REPEATS)
        ]
    report = pool.run(_job(problem, code, cases))
    best: dict[int, float] = {}
    for frame in report.get("frames", []):
        if frame.get("t") == "done":
            n = ns[frame["i"] // COMPLEXITY_REPEATS]
            spent = frame.get("self_cpu_ms")
            if isinstance(spent, int | float) and spent > 0:
                best[n] = min(best.get(n, float("inf")), float(spent))
    return sorted(best.items())


def generate(problem: Problem, n: int, seed: int) -> dict[str, Any]:
    """Inputs from the problem's generator.py (trusted content code)."""
    if problem.generator is None:
        raise JudgeError(f"{problem.slug} has no generator.py")
    make = content_function(problem.generator, str(problem.path / "generator.py"), "generate")
    result: dict[str, Any] = make(n, random.Random(seed))
    return result


def _authored(problem: Problem, case: Any) -> JudgeCase:
    return JudgeCase(
        case.name,
        case.input,
        case.expected,
        case.sample,
        case.time_limit_ms or problem.spec.time_limit_ms,
    )


def _job(problem: Problem, code: str, cases: list[JudgeCase]) -> dict[str, Any]:
    spec = problem.spec
    params: list[list[str]] = []
    returns = "plain"
    if spec.kind == "function" and spec.signature:
        _, raw_params, raw_return = parse_signature(spec.signature)
        params = [[name, structure_kind(annotation)] for name, annotation in raw_params]
        returns = structure_kind(raw_return)
    return {
        "code": code,
        "kind": spec.kind,
        "entry": spec.entry,
        "params": params,
        "returns": returns,
        "inplace_arg": spec.inplace_arg,
        "forbidden": list(spec.forbidden),
        "cases": [json.dumps(c.input) for c in cases],
        "case_time_ms": [c.time_limit_ms for c in cases],
        "load_ms": LOAD_MS,
        "memory_mb": spec.memory_limit_mb,
        "output_limit": OUTPUT_LIMIT_CHARS,
    }
