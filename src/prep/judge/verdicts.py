"""Verdicts and the shape they are reported in (`prep submit --json`, the API later)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACCEPTED = "accepted"
WRONG_ANSWER = "wrong_answer"
TIME_LIMIT = "time_limit"
MEMORY_LIMIT = "memory_limit"
RUNTIME_ERROR = "runtime_error"
COMPILE_ERROR = "compile_error"
OUTPUT_LIMIT = "output_limit"
SKIPPED = "skipped"  # a case not run because an earlier one stopped the submission


@dataclass(frozen=True)
class CaseOutcome:
    name: str
    verdict: str
    time_ms: float | None
    sample: bool
    message: str | None = None
    # Shown only for sample cases: hidden cases are reported by name only.
    input: Any = None
    expected: Any = None
    actual: Any = None
    stdout: str | None = None


@dataclass(frozen=True)
class ComplexityEstimate:
    expected: str
    estimated: str | None
    confidence: str  # high, medium, low, or insufficient (too few or too fast points to say)
    points: tuple[tuple[int, float], ...] = ()  # (n, best time in ms)


@dataclass(frozen=True)
class Judgement:
    verdict: str
    cases: tuple[CaseOutcome, ...]
    time_ms: float
    memory_kb: int
    message: str
    sandbox: tuple[str, ...] = ()
    complexity: ComplexityEstimate | None = None
    notes: tuple[str, ...] = field(default=())
    #: Fields a lab kind adds to the verdict (`rules`, `mutation_score`, `row_diff`, ...).
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> int:
        return sum(c.verdict == ACCEPTED for c in self.cases)

    @property
    def total(self) -> int:
        return len(self.cases)

    @property
    def first_failure(self) -> CaseOutcome | None:
        return next((c for c in self.cases if c.verdict not in (ACCEPTED, SKIPPED)), None)

    def to_json(self) -> dict[str, Any]:
        complexity = None
        if self.complexity is not None:
            complexity = {
                "expected": self.complexity.expected,
                "estimated": self.complexity.estimated,
                "confidence": self.complexity.confidence,
            }
        return {
            "verdict": self.verdict,
            "passed": self.passed,
            "total": self.total,
            "time_ms": round(self.time_ms, 3),
            "memory_kb": self.memory_kb,
            "cases": [_case_json(c) for c in self.cases],
            "complexity": complexity,
            "message": self.message,
            **self.extra,
        }


def _case_json(case: CaseOutcome) -> dict[str, Any]:
    """A case as reported; only sample cases carry their data (hidden ones stay hidden)."""
    out: dict[str, Any] = {
        "name": case.name,
        "verdict": case.verdict,
        "time_ms": None if case.time_ms is None else round(case.time_ms, 3),
        "sample": case.sample,
        "message": case.message,
    }
    if case.sample:
        out |= {
            "input": case.input,
            "expected": case.expected,
            "actual": case.actual,
            "stdout": case.stdout,
        }
    return out
