"""Test-writing labs: the candidate's pytest file must pass on the correct module and fail on
every mutant of it. The verdict reports the mutation score and describes each survivor, which
is the lesson: what behaviour the tests never pinned down."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from prep.content.catalog import Lab
from prep.content.lab_models import TestingLabSpec
from prep.judge.grading import JudgeCase, grade
from prep.judge.service import MAX_CODE_BYTES, Judge
from prep.judge.verdicts import ACCEPTED, Judgement
from prep.labs.kinds import FileKind, rejected
from prep.labs.sandboxed import sandbox_job

CORRECT = "correct-implementation"
PASS, KILL = "pass", "kill"


class TestingKind(FileKind):
    __test__ = False  # not a pytest test class, despite the name

    def grade_answer(self, lab: Lab, answer: str, judge: Judge) -> Judgement:
        if len(answer.encode()) > MAX_CODE_BYTES:
            return rejected(f"the test file is larger than {MAX_CODE_BYTES // 1024} KB")
        spec = _spec(lab)
        cases = [
            JudgeCase(
                CORRECT,
                {"implementation": lab.starter[spec.module]},
                PASS,
                True,
                spec.time_limit_ms,
            )
        ]
        cases += [
            JudgeCase(
                f"mutant-{m.name}",
                {"implementation": lab.files[f"mutants/{m.name}.py"]},
                KILL,
                True,
                spec.time_limit_ms,
            )
            for m in spec.mutants
        ]
        report = judge.pool.run(_job(lab, answer, cases))
        return _summarise(lab, grade(lambda _, e, a: _compare(spec, e, a), cases, report))


def _spec(lab: Lab) -> TestingLabSpec:
    assert isinstance(lab.spec, TestingLabSpec)
    return lab.spec


def _compare(spec: TestingLabSpec, expected: str, run: Any) -> tuple[bool, str | None]:
    if not isinstance(run, dict):
        return False, "the test run reported nothing"
    failed: list[str] = run.get("failed", [])
    if expected == PASS:
        if failed or run.get("exit") not in (0,):
            shown = ", ".join(failed[:5]) or f"pytest exit code {run.get('exit')}"
            return False, (
                f"your tests fail on the correct implementation ({shown}); a test that fails on "
                f"correct code would block every good change.\n{run.get('output', '')}"
            )
        if run.get("collected", 0) < spec.min_tests:
            return False, f"found {run.get('collected', 0)} tests; write at least {spec.min_tests}"
        return True, f"{len(run.get('passed', []))} tests pass on the correct implementation"
    if failed or run.get("exit") not in (0,):
        return True, "killed by " + (", ".join(failed[:3]) or f"exit code {run.get('exit')}")
    return False, "survived: every test passed against this wrong implementation"


def _summarise(lab: Lab, judgement: Judgement) -> Judgement:
    """Mutation score and survivors, in the message and in `extra` for --json."""
    spec = _spec(lab)
    outcomes = {c.name: c for c in judgement.cases}
    correct = outcomes.get(CORRECT)
    if correct is None or correct.verdict != ACCEPTED:
        return judgement  # the tests are broken, or the run failed: the usual message says why
    whys = {f"mutant-{m.name}": m for m in spec.mutants}
    killed = [whys[n].name for n, c in outcomes.items() if n in whys and c.verdict == ACCEPTED]
    survivors = [whys[n] for n, c in outcomes.items() if n in whys and c.verdict != ACCEPTED]
    score = len(killed) / len(spec.mutants)
    cases = tuple(
        replace(c, message=f"{c.message} ({whys[c.name].why})")
        if c.name in whys and c.verdict != ACCEPTED
        else c
        for c in judgement.cases
    )
    if survivors:
        lines = [f"- {m.name}: {m.why}" for m in survivors]
        message = (
            f"mutation score {len(killed)}/{len(spec.mutants)}: these wrong implementations "
            "pass all your tests:\n" + "\n".join(lines)
        )
    else:
        message = (
            f"accepted: your tests pass on the correct module and kill all {len(killed)} mutants"
        )
    extra = {
        "mutation_score": round(score, 3),
        "killed": killed,
        "survivors": [m.name for m in survivors],
    }
    return replace(judgement, cases=cases, message=message, extra=extra)


def _job(lab: Lab, code: str, cases: list[JudgeCase]) -> dict[str, Any]:
    spec = _spec(lab)
    return sandbox_job(
        "pytest",
        code,
        cases,
        memory_mb=256,
        max_processes=64,
        test_file=spec.answer_file,
        module_file=spec.module,
    )
