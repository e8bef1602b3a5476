"""Where a candidate works on a lab, and judging what is there: shared by the CLI and the web."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from prep.content.catalog import Lab
from prep.judge.service import Judge
from prep.judge.verdicts import Judgement
from prep.labs.kinds import FileKind, kind_for
from prep.paths import data_dir


def lab_workspace(slug: str) -> Path:
    return data_dir() / "workspace" / "labs" / slug


def prepare(lab: Lab, workspace: Path) -> bool:
    """Fill the workspace unless it already holds work; True when it was created now.

    Built in a sibling folder and renamed into place, so an interrupted set-up never leaves a
    half-prepared workspace that later looks like the candidate's work."""
    if workspace.exists() and any(workspace.iterdir()):
        return False
    workspace.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{lab.slug}-", dir=workspace.parent))
    try:
        kind_for(lab).prepare(lab, staging)
        if workspace.exists():
            workspace.rmdir()
        staging.rename(workspace)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return True


def grade_workspace(lab: Lab, workspace: Path, judge: Judge) -> Judgement:
    return kind_for(lab).grade(lab, workspace, judge)


def grade_answer(lab: Lab, answer: str, judge: Judge) -> Judgement:
    """Judge the text of the answer file (the web's editor, `prep submit <slug> FILE`).

    Raises ValueError for git labs, whose answer is a repository, not a file."""
    kind = kind_for(lab)
    if not isinstance(kind, FileKind):
        raise ValueError(f"{lab.slug} is graded from its repository: run `prep submit {lab.slug}`")
    return kind.grade_answer(lab, answer, judge)


def answer_text(lab: Lab, workspace: Path) -> str:
    """What gets stored with a submission: the answer file, or a note for repository labs."""
    if lab.spec.answer_file is None:
        return f"(repository at {workspace})"
    path = workspace / lab.spec.answer_file
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
