"""Deployment-config labs: the answer is one config file, graded by the rule engine.

Nothing the candidate writes is executed: the file is parsed (safely, size-capped) and each
rule the lab declares becomes one case, accepted or wrong_answer with the line it concerns.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from prep.content.catalog import Lab
from prep.content.lab_models import ConfigLabSpec
from prep.judge.grading import JudgeError
from prep.judge.service import Judge
from prep.judge.verdicts import ACCEPTED, COMPILE_ERROR, WRONG_ANSWER, CaseOutcome, Judgement
from prep.labs.kinds import FileKind, rejected

#: Config files are small; anything larger is refused before it is read.
MAX_ANSWER_BYTES = 128 * 1024
#: Lower limits for formats whose parser is slow. hcl2's Lark parser needs up to ~100 µs a
#: byte on token-dense input: 16 KiB (400 lines, three times any lab's answer) takes about
#: 2 s at worst.
FORMAT_LIMITS = {"terraform": 16 * 1024}
#: Characters no text config file contains (tab, newline and carriage return are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ConfigKind(FileKind):
    """A Dockerfile, manifest, workflow, compose or Terraform file checked against the rules."""

    def grade(self, lab: Lab, workspace: Path, judge: Judge) -> Judgement:
        """Read the answer file with a bound: a huge file, a FIFO or a symlink to /dev/zero
        is refused instead of read."""
        assert lab.spec.answer_file is not None
        path = workspace / lab.spec.answer_file
        if not path.exists():
            return rejected(f"{path} does not exist: write your answer there")
        if not path.is_file():
            return rejected(f"{path} is not a regular file")
        with path.open("rb") as fh:
            data = fh.read(MAX_ANSWER_BYTES + 1)
        if len(data) > MAX_ANSWER_BYTES:
            return rejected(_too_large(MAX_ANSWER_BYTES))
        try:
            answer = data.decode("utf-8")
        except UnicodeDecodeError:
            return rejected(f"{path} is not UTF-8 text")
        return self.grade_answer(lab, answer, judge)

    def grade_answer(self, lab: Lab, answer: str, judge: Judge) -> Judgement:
        from prep.labs.config_rules.base import ConfigError
        from prep.labs.config_rules.engine import evaluate, unknown_rules

        spec = lab.spec
        assert isinstance(spec, ConfigLabSpec)
        unknown = unknown_rules(spec.format, spec.rules)
        if unknown:
            wrong = ", ".join(unknown)
            raise JudgeError(
                f"lab {lab.slug} declares rules that are not {spec.format} rules: {wrong}"
            )
        limit = FORMAT_LIMITS.get(spec.format, MAX_ANSWER_BYTES)
        if len(answer.encode("utf-8")) > limit:
            return rejected(_too_large(limit))
        control = _CONTROL.search(answer)
        if control is not None:
            line = answer.count("\n", 0, control.start()) + 1
            code = ord(control.group())
            return _unparsable(f"line {line}: control character #x{code:02x}: not a text file")
        started = time.perf_counter()
        try:
            results = evaluate(spec.format, answer, spec.rules)
        except ConfigError as exc:
            return _unparsable(str(exc))
        elapsed = (time.perf_counter() - started) * 1000
        cases = tuple(
            CaseOutcome(
                name=r.rule.id,
                verdict=ACCEPTED if r.ok else WRONG_ANSWER,
                time_ms=None,
                sample=True,
                message=r.message,
            )
            for r in results
        )
        failed = [r.rule.id for r in results if not r.ok]
        extra = {
            "rules": [
                {
                    "id": r.rule.id,
                    "ok": r.ok,
                    "line": r.line,
                    "message": r.message,
                    "why": r.rule.why,
                }
                for r in results
            ],
            "failed_rules": failed,
        }
        if failed:
            message = f"{len(failed)} of {len(results)} rules failed: {', '.join(failed)}"
            return Judgement(WRONG_ANSWER, cases, elapsed, 0, message, extra=extra)
        message = f"all {len(results)} rules passed"
        return Judgement(ACCEPTED, cases, elapsed, 0, message, extra=extra)


def _too_large(limit: int) -> str:
    return f"the answer is too large: config answers are limited to {limit} bytes"


def _unparsable(message: str) -> Judgement:
    return Judgement(COMPILE_ERROR, (), 0.0, 0, message, extra={"rules": [], "failed_rules": []})
