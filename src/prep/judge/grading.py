"""Turn the zygote's report into a Judgement: per-case verdicts, then the submission's verdict.

Every path that is not a clean, complete, correct run ends in a rejection: a child that exits
early, crashes, stops the judge's worker, or breaks the protocol is never "accepted".
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prep.judge.verdicts import (
    ACCEPTED,
    COMPILE_ERROR,
    MEMORY_LIMIT,
    OUTPUT_LIMIT,
    RUNTIME_ERROR,
    SKIPPED,
    TIME_LIMIT,
    WRONG_ANSWER,
    CaseOutcome,
    Judgement,
)

ERROR_KINDS = {
    "runtime": RUNTIME_ERROR,
    "memory": MEMORY_LIMIT,
    "output": OUTPUT_LIMIT,
}
#: (case input, expected, actual) -> (accepted?, an explanation when there is one)
Compare = Callable[[dict[str, Any], Any, Any], tuple[bool, str | None]]


@dataclass(frozen=True)
class JudgeCase:
    """A case as the judge holds it: the expected output never leaves this process."""

    name: str
    input: dict[str, Any]
    expected: Any
    sample: bool
    time_limit_ms: int


class JudgeError(Exception):
    """The judge itself failed (a bug or a broken installation), not the submission."""


def grade(compare: Compare, cases: list[JudgeCase], report: dict[str, Any]) -> Judgement:
    if "internal_error" in report:
        raise JudgeError(report["internal_error"])
    if report.get("worker_died"):
        return _whole(cases, RUNTIME_ERROR, "the submission stopped the judge's worker process")
    frames: list[dict[str, Any]] = report["frames"]
    sandbox = tuple(frames[0].get("sandbox", ())) if frames and frames[0]["t"] == "ready" else ()
    by_case: dict[int, dict[str, Any]] = {
        f["i"]: f for f in frames if f["t"] in ("done", "error") and f.get("i") is not None
    }
    kinds = [f["t"] for f in frames]
    memory_kb = int(report.get("peak_memory_kb", 0))
    if "compile_error" in kinds:
        message = next(f["message"] for f in frames if f["t"] == "compile_error")
        return _whole(cases, COMPILE_ERROR, message, sandbox)
    load_error = next((f for f in frames if f["t"] == "error" and f.get("i") is None), None)
    if load_error is not None:
        return _whole(
            cases,
            ERROR_KINDS.get(load_error["kind"], RUNTIME_ERROR),
            "error while loading the solution:\n" + load_error["message"],
            sandbox,
        )
    if report.get("killed") == "load_time":
        return _whole(
            cases, TIME_LIMIT, "the module-level code of the solution ran too long", sandbox
        )

    outcomes: list[CaseOutcome] = []
    stopped: tuple[str, str] | None = None
    for index, case in enumerate(cases):
        frame = by_case.get(index)
        if stopped is not None:
            outcomes.append(CaseOutcome(case.name, SKIPPED, None, case.sample))
            continue
        if frame is None:
            verdict, message = _why_stopped(report, index, case)
            stopped = (verdict, message)
            elapsed = report.get("case_elapsed_ms") if report.get("running") == index else None
            outcomes.append(_outcome(case, verdict, elapsed, message))
            continue
        if frame["t"] == "error":
            verdict = ERROR_KINDS.get(frame.get("kind", ""), RUNTIME_ERROR)
            stopped = (verdict, frame.get("message", ""))
            outcomes.append(
                _outcome(case, verdict, None, frame.get("message"), stdout=frame.get("stdout"))
            )
            continue
        elapsed = float(frame["ms"])
        cpu = float(frame.get("cpu_ms", elapsed))
        if cpu > case.time_limit_ms:
            message = f"used {cpu:.0f} ms of CPU time, limit {case.time_limit_ms} ms"
            outcomes.append(_outcome(case, TIME_LIMIT, elapsed, message))
            continue
        explanation: str | None
        if frame.get("assertion"):  # a lab's trusted check found the behaviour wrong
            ok, explanation = False, str(frame["assertion"])
        else:
            ok, explanation = compare(case.input, case.expected, frame.get("value"))
        outcomes.append(
            _outcome(
                case,
                ACCEPTED if ok else WRONG_ANSWER,
                elapsed,
                explanation,
                actual=frame.get("value"),
                stdout=frame.get("stdout"),
            )
        )
    if report.get("protocol_error") and all(o.verdict == ACCEPTED for o in outcomes):
        return _whole(cases, RUNTIME_ERROR, report["protocol_error"], sandbox)
    failure = next((o for o in outcomes if o.verdict not in (ACCEPTED, SKIPPED)), None)
    verdict = ACCEPTED if failure is None else failure.verdict
    total_ms = sum(o.time_ms or 0.0 for o in outcomes)
    return Judgement(
        verdict, tuple(outcomes), total_ms, memory_kb, _summary(verdict, failure, outcomes), sandbox
    )


def _why_stopped(report: dict[str, Any], index: int, case: JudgeCase) -> tuple[str, str]:
    killed = report.get("killed")
    if killed == "time":
        return TIME_LIMIT, f"did not finish within its limit of {case.time_limit_ms} ms"
    if killed == "output":
        return OUTPUT_LIMIT, "sent more output than the judge accepts"
    if report.get("protocol_error"):
        return RUNTIME_ERROR, str(report["protocol_error"])
    exit_info = report.get("exit") or {}
    sig = exit_info.get("signal")
    if sig == signal.SIGXCPU:
        return TIME_LIMIT, "used up its CPU time"
    if sig is not None:
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        if sig in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS):
            return MEMORY_LIMIT if _near_memory_limit(
                report
            ) else RUNTIME_ERROR, f"the process was killed ({name})"
        return RUNTIME_ERROR, f"the process was killed ({name})"
    return RUNTIME_ERROR, f"the process exited before finishing (exit code {exit_info.get('code')})"


def _near_memory_limit(report: dict[str, Any]) -> bool:
    return (
        bool(report.get("memory_limit_kb"))
        and report.get("peak_memory_kb", 0) >= 0.9 * report["memory_limit_kb"]
    )


def _outcome(
    case: JudgeCase,
    verdict: str,
    time_ms: float | None,
    message: str | None,
    actual: Any = None,
    stdout: str | None = None,
) -> CaseOutcome:
    if not case.sample:  # hidden cases are reported by name only
        return CaseOutcome(
            case.name, verdict, time_ms, False, None if verdict == WRONG_ANSWER else message
        )
    return CaseOutcome(
        case.name, verdict, time_ms, True, message, case.input, case.expected, actual, stdout
    )


def _whole(
    cases: list[JudgeCase], verdict: str, message: str, sandbox: tuple[str, ...] = ()
) -> Judgement:
    outcomes = tuple(CaseOutcome(c.name, SKIPPED, None, c.sample) for c in cases)
    return Judgement(verdict, outcomes, 0.0, 0, message, sandbox)


def _summary(verdict: str, failure: CaseOutcome | None, outcomes: list[CaseOutcome]) -> str:
    passed = sum(o.verdict == ACCEPTED for o in outcomes)
    if failure is None:
        return f"accepted: all {len(outcomes)} cases passed"
    where = f"sample case {failure.name}" if failure.sample else f"hidden case {failure.name}"
    detail = f": {failure.message}" if failure.message else ""
    return f"{verdict.replace('_', ' ')} on {where} ({passed}/{len(outcomes)} passed){detail}"
