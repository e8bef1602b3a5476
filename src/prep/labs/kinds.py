"""The one protocol every lab kind implements, and the one place kinds are registered.

A kind is looked up by name and imported only when used, so `prep labs` does not import the
rule engine, and the SQL kind does not pay for the sandbox.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from prep.content.catalog import Lab
from prep.judge.service import Judge
from prep.judge.verdicts import Judgement


class LabKind(Protocol):
    def prepare(self, lab: Lab, workspace: Path) -> None:
        """Fill an empty workspace folder with what the candidate starts from."""

    def apply(self, lab: Lab, workspace: Path, solution: str) -> None:
        """Put a solution (reference or known-bad) into a prepared workspace, as a candidate
        would: write the answer file, or for git labs run the script of git commands."""

    def grade(self, lab: Lab, workspace: Path, judge: Judge) -> Judgement:
        """Judge the workspace. A user's mistake is a verdict, never an exception."""


#: kind -> "module:class"; adding a kind is one line here and one module.
_KINDS = {
    "python": "prep.labs.probe:ProbeKind",
    "concurrency": "prep.labs.probe:ProbeKind",
    "fastapi": "prep.labs.probe:ProbeKind",
    "sql": "prep.labs.sql_kind:SqlKind",
    "testing": "prep.labs.testing_kind:TestingKind",
    "config": "prep.labs.config_kind:ConfigKind",
    "git": "prep.labs.git_kind:GitKind",
}


def kind_for(lab: Lab) -> LabKind:
    module_name, class_name = _KINDS[lab.kind].split(":")
    kind: LabKind = getattr(importlib.import_module(module_name), class_name)()
    return kind


class FileKind:
    """Shared behaviour of kinds whose answer is one file: copy the starter, write the answer,
    read it back. Subclasses implement `grade_answer` on the text."""

    def prepare(self, lab: Lab, workspace: Path) -> None:
        for name, text in lab.starter.items():
            target = workspace / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def apply(self, lab: Lab, workspace: Path, solution: str) -> None:
        assert lab.spec.answer_file is not None
        (workspace / lab.spec.answer_file).write_text(solution, encoding="utf-8")

    def grade(self, lab: Lab, workspace: Path, judge: Judge) -> Judgement:
        assert lab.spec.answer_file is not None
        path = workspace / lab.spec.answer_file
        try:
            answer = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return rejected(f"{path} does not exist: write your answer there")
        except UnicodeDecodeError:
            return rejected(f"{path} is not UTF-8 text")
        return self.grade_answer(lab, answer, judge)

    def grade_answer(self, lab: Lab, answer: str, judge: Judge) -> Judgement:
        raise NotImplementedError


def rejected(message: str, verdict: str = "compile_error") -> Judgement:
    """A submission that could not be judged at all (missing, unreadable, too large)."""
    return Judgement(verdict, (), 0.0, 0, message)
