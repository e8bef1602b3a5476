"""The job a sandboxed lab kind (probe, pytest) sends to the judge's fork server."""

from __future__ import annotations

import json
from typing import Any

from prep.judge.grading import JudgeCase
from prep.judge.service import OUTPUT_LIMIT_CHARS

#: Importing the libraries a lab uses (FastAPI, pytest) is part of loading, not of a case.
LOAD_MS = 10_000


def sandbox_job(
    kind: str,
    code: str,
    cases: list[JudgeCase],
    *,
    memory_mb: int,
    max_processes: int,
    **fields: Any,
) -> dict[str, Any]:
    """A job run with the Python installation mounted read-only (`python_env`)."""
    return {
        "code": code,
        "kind": kind,
        "entry": "",
        "params": [],
        "returns": "plain",
        "inplace_arg": None,
        "forbidden": [],
        "cases": [json.dumps(c.input) for c in cases],
        "case_time_ms": [c.time_limit_ms for c in cases],
        "load_ms": LOAD_MS,
        "memory_mb": memory_mb,
        "output_limit": OUTPUT_LIMIT_CHARS,
        "python_env": True,
        "max_processes": max_processes,
        **fields,
    }
