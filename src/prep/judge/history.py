"""Submissions kept in the database, and each problem's status for a user."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from prep.judge.verdicts import ACCEPTED, Judgement
from prep.store.database import Database
from prep.store.models import Submission

SOLVED = "solved"
ATTEMPTED = "attempted"
UNTRIED = "new"


@dataclass(frozen=True)
class StoredSubmission:
    id: int
    problem: str
    verdict: str
    passed: int
    total: int
    time_ms: float
    created_at: datetime


def record_submission(
    db: Database, user_id: int, problem: str, code: str, judgement: Judgement
) -> int:
    with db.session() as session:
        row = Submission(
            user_id=user_id,
            problem=problem,
            code=code,
            verdict=judgement.verdict,
            passed=judgement.passed,
            total=judgement.total,
            time_ms=judgement.time_ms,
            memory_kb=judgement.memory_kb,
            result=json.dumps(judgement.to_json()),
            created_at=datetime.now(UTC),
        )
        session.add(row)
        session.flush()
        return row.id


def problem_statuses(db: Database, user_id: int) -> dict[str, str]:
    """solved (any accepted submission) or attempted, per problem with submissions."""
    with db.session() as session:
        rows = session.execute(
            select(Submission.problem, Submission.verdict).where(Submission.user_id == user_id)
        )
        statuses: dict[str, str] = {}
        for problem, verdict in rows:
            if verdict == ACCEPTED or statuses.get(problem) != SOLVED:
                statuses[problem] = SOLVED if verdict == ACCEPTED else ATTEMPTED
    return statuses


def submissions_for(db: Database, user_id: int, problem: str) -> list[StoredSubmission]:
    with db.session() as session:
        rows = session.scalars(
            select(Submission)
            .where(Submission.user_id == user_id, Submission.problem == problem)
            .order_by(Submission.created_at.desc(), Submission.id.desc())
        )
        return [
            StoredSubmission(r.id, r.problem, r.verdict, r.passed, r.total, r.time_ms, r.created_at)
            for r in rows
        ]


def submission_page(
    db: Database, user_id: int, *, problem: str | None, before_id: int | None, limit: int
) -> list[StoredSubmission]:
    """A user's submissions, newest first (by id), optionally for one problem."""
    query = select(Submission).where(Submission.user_id == user_id)
    if problem is not None:
        query = query.where(Submission.problem == problem)
    if before_id is not None:
        query = query.where(Submission.id < before_id)
    with db.session() as session:
        rows = session.scalars(query.order_by(Submission.id.desc()).limit(limit))
        return [
            StoredSubmission(r.id, r.problem, r.verdict, r.passed, r.total, r.time_ms, r.created_at)
            for r in rows
        ]


def submission_detail(
    db: Database, user_id: int, submission_id: int
) -> tuple[StoredSubmission, str, dict[str, Any]] | None:
    """One submission with its code and verdict document; None unless it is this user's."""
    with db.session() as session:
        r = session.get(Submission, submission_id)
        if r is None or r.user_id != user_id:
            return None
        stored = StoredSubmission(
            r.id, r.problem, r.verdict, r.passed, r.total, r.time_ms, r.created_at
        )
        return stored, r.code, json.loads(r.result)
