"""Lab checks for `prep content check`: in a fresh workspace, the reference is accepted and
each known-bad solution gets exactly the verdict it declares (and, for config labs, breaks
exactly the declared rules; for testing labs, leaves exactly the declared mutants alive)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from prep.content.catalog import Lab
from prep.content.diagnostics import Diagnostic, relative
from prep.content.lab_models import LabBad
from prep.judge.grading import JudgeError
from prep.judge.service import Judge
from prep.judge.verdicts import ACCEPTED, Judgement
from prep.labs.kinds import kind_for


def check_labs(
    labs: Iterable[Lab], root: Path, judge: Judge | None = None
) -> tuple[list[Diagnostic], int]:
    """(diagnostics, number of solutions judged); uses `judge` if given, else its own."""
    runs = [(lab, None) for lab in labs] + [(lab, bad) for lab in labs for bad in lab.spec.bad]
    own = judge is None
    active = judge or Judge()
    try:
        with ThreadPoolExecutor(max_workers=active.pool.size) as threads:
            results = list(threads.map(lambda r: _run(active, r[0], r[1]), runs))
    finally:
        if own:
            active.close()
    diagnostics = []
    for (lab, bad), problem in zip(runs, results, strict=True):
        if problem is not None:
            file = (
                (
                    "reference.sh"
                    if lab.spec.answer_file is None
                    else f"reference/{lab.spec.answer_file}"
                )
                if bad is None
                else f"bad/{bad.file}"
            )
            diagnostics.append(Diagnostic(relative(lab.path / file, root), None, None, problem))
    return diagnostics, len(runs)


def judge_solution(lab: Lab, solution: str, judge: Judge) -> Judgement:
    """Grade a solution as a candidate's workspace would hold it."""
    kind = kind_for(lab)
    with tempfile.TemporaryDirectory(prefix=f"prep-lab-{lab.slug}-") as tmp:
        workspace = Path(tmp)
        kind.prepare(lab, workspace)
        kind.apply(lab, workspace, solution)
        return kind.grade(lab, workspace, judge)


def _run(judge: Judge, lab: Lab, bad: LabBad | None) -> str | None:
    """What is wrong with this solution's verdict, or None."""
    solution = lab.reference if bad is None else lab.bad[bad.file]
    try:
        judgement = judge_solution(lab, solution, judge)
    except JudgeError as exc:
        return f"the judge failed: {exc}"
    expected = ACCEPTED if bad is None else bad.verdict
    if judgement.verdict != expected:
        return f"expected {expected}, got {judgement.verdict}: {judgement.message}"
    if bad is not None and bad.rules:
        failed = sorted(judgement.extra.get("failed_rules", []))
        if failed != sorted(bad.rules):
            return f"expected exactly the rules {sorted(bad.rules)} to fail, got {failed}"
    if bad is not None and bad.survivors:
        alive = sorted(judgement.extra.get("survivors", []))
        if alive != sorted(bad.survivors):
            return f"expected exactly the mutants {sorted(bad.survivors)} to survive, got {alive}"
    return None
