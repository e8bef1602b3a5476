"""Python, concurrency and FastAPI labs: the lab's trusted checks exercise the candidate's module
inside the sandbox, one check per case; the parent compares what each check reports with what
it reported for the reference solution, and a check's own assertion is a wrong answer.

The sandbox mounts the Python installation read-only for these kinds (their checks import
threading, asyncio, FastAPI's test client...), so the chroot holds no other file of the machine.
"""

from __future__ import annotations

import json
from typing import Any

from prep.content.catalog import Lab
from prep.content.lab_models import ProbeLabSpec
from prep.judge.compare import COMPARATORS
from prep.judge.grading import JudgeCase, JudgeError, grade
from prep.judge.service import MAX_CODE_BYTES, Judge
from prep.judge.verdicts import Judgement
from prep.labs.kinds import FileKind, rejected
from prep.labs.sandboxed import sandbox_job

#: Stress tests start many threads; the sandbox counts each against the process limit.
MAX_THREADS = 256


class ProbeKind(FileKind):
    def grade_answer(self, lab: Lab, answer: str, judge: Judge) -> Judgement:
        if len(answer.encode()) > MAX_CODE_BYTES:
            return rejected(f"the solution is larger than {MAX_CODE_BYTES // 1024} KB")
        expected = judge.remember((lab.slug, "probe"), lambda: _reference_values(lab, judge))
        cases = _cases(lab, expected)
        report = judge.pool.run(_job(lab, answer, cases))
        return grade(_compare, cases, report)


def _spec(lab: Lab) -> ProbeLabSpec:
    assert isinstance(lab.spec, ProbeLabSpec)
    return lab.spec


def _cases(lab: Lab, expected: dict[str, Any]) -> list[JudgeCase]:
    spec = _spec(lab)
    return [
        JudgeCase(
            check.name,
            {"check": check.name},
            expected.get(check.name),
            True,  # a lab's checks are all shown: their names and messages are the feedback
            check.time_limit_ms or spec.time_limit_ms,
        )
        for check in spec.checks
    ]


def _reference_values(lab: Lab, judge: Judge) -> dict[str, Any]:
    cases = _cases(lab, {})
    report = judge.pool.run(_job(lab, lab.reference, [_generous(c) for c in cases]))
    values = {}
    for frame in report.get("frames", []):
        if frame.get("t") == "done":
            values[cases[frame["i"]].name] = frame.get("value")
    if len(values) != len(cases):
        errors = [f.get("message") for f in report.get("frames", []) if f.get("t") == "error"]
        raise JudgeError(f"{lab.slug}: the reference solution failed its own checks: {errors}")
    return values


def _generous(case: JudgeCase) -> JudgeCase:
    return JudgeCase(case.name, case.input, None, True, case.time_limit_ms * 3)


def _compare(_: dict[str, Any], expected: Any, actual: Any) -> tuple[bool, str | None]:
    if COMPARATORS["exact"](expected, actual):
        return True, None
    return False, f"expected {_show(expected)}, got {_show(actual)}"


def _show(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 300 else text[:300] + "..."


def _job(lab: Lab, code: str, cases: list[JudgeCase]) -> dict[str, Any]:
    return sandbox_job(
        "probe",
        code,
        cases,
        memory_mb=_spec(lab).memory_limit_mb,
        max_processes=MAX_THREADS,
        module="solution",
        checks=lab.files["checks.py"],
    )
