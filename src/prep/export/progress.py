"""A user's whole progress as one versioned JSON document: to move machines, or to keep a backup.
It holds the settings, card schedules, every review and submission, the story bank, every design
revision and every mock interview.

Importing merges instead of overwriting, and is idempotent: a review, card state or submission
already present is recognised and skipped, so importing the same file twice changes nothing the
second time. A file that fails validation is refused as a whole, naming the field at fault; the
import runs in one transaction, so it is all or nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select

from prep.content.diagnostics import field_path
from prep.store.database import Database
from prep.store.models import (
    CardState,
    Design,
    Mock,
    ReviewLog,
    Story,
    Submission,
    UserSettings,
)

FORMAT: Literal["prep-progress"] = "prep-progress"
VERSION: Literal[1] = 1


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SettingsDoc(_Doc):
    desired_retention: float = Field(ge=0.70, le=0.99)
    new_cards_per_day: int = Field(ge=0, le=500)
    interview_date: date | None


class CardStateDoc(_Doc):
    card_id: str = Field(min_length=1, max_length=200)
    state: int = Field(ge=0, le=3)
    step: int | None
    stability: float | None
    difficulty: float | None
    due: AwareDatetime
    last_review: AwareDatetime | None
    introduced_at: AwareDatetime
    reps: int = Field(ge=0)
    lapses: int = Field(ge=0)


class ReviewDoc(_Doc):
    card_id: str = Field(min_length=1, max_length=200)
    rating: int = Field(ge=1, le=4)
    reviewed_at: AwareDatetime
    duration_ms: int | None
    answer: str | None
    correct: bool | None
    state_before: int = Field(ge=0, le=3)
    state_after: int = Field(ge=0, le=3)
    stability_after: float | None
    difficulty_after: float | None
    due_after: AwareDatetime


class SubmissionDoc(_Doc):
    problem: str = Field(min_length=1, max_length=200)
    code: str
    verdict: str = Field(max_length=40)
    passed: int = Field(ge=0)
    total: int = Field(ge=0)
    time_ms: float
    memory_kb: int
    result: dict[str, object]
    created_at: AwareDatetime


class StoryDoc(_Doc):
    title: str = Field(min_length=1, max_length=200)
    situation: str
    task: str
    action: str
    result: str
    questions: list[str]
    competencies: list[str]
    created_at: AwareDatetime
    updated_at: AwareDatetime


class DesignDoc(_Doc):
    prompt_id: str = Field(min_length=1, max_length=200)
    sections: dict[str, str]
    scores: list[int] | None
    created_at: AwareDatetime


class MockDoc(_Doc):
    minutes: int
    focus: str | None
    parts: list[dict[str, object]]
    answers: dict[str, object]
    score: float | None
    started_at: AwareDatetime
    finished_at: AwareDatetime | None


class ProgressDoc(_Doc):
    format: Literal["prep-progress"]
    version: Literal[1]
    exported_at: AwareDatetime
    settings: SettingsDoc
    card_states: list[CardStateDoc]
    reviews: list[ReviewDoc]
    submissions: list[SubmissionDoc]
    # Absent from files written before these features existed: an empty list then.
    stories: list[StoryDoc] = []
    designs: list[DesignDoc] = []
    mocks: list[MockDoc] = []


class ProgressFileError(ValueError):
    """The file is not a progress export prep can read; nothing was imported."""


@dataclass(frozen=True)
class ImportReport:
    reviews_added: int
    reviews_skipped: int
    states_updated: int
    states_kept: int
    submissions_added: int
    submissions_skipped: int
    stories_added: int = 0
    designs_and_mocks_added: int = 0


def export_progress(db: Database, user_id: int) -> dict[str, object]:
    with db.session() as session:
        settings = session.get(UserSettings, user_id)
        states = session.scalars(
            select(CardState).where(CardState.user_id == user_id).order_by(CardState.card_id)
        ).all()
        reviews = session.scalars(
            select(ReviewLog).where(ReviewLog.user_id == user_id).order_by(ReviewLog.id)
        ).all()
        submissions = session.scalars(
            select(Submission).where(Submission.user_id == user_id).order_by(Submission.id)
        ).all()
        stories = session.scalars(
            select(Story).where(Story.user_id == user_id).order_by(Story.id)
        ).all()
        designs = session.scalars(
            select(Design).where(Design.user_id == user_id).order_by(Design.id)
        ).all()
        mocks = session.scalars(select(Mock).where(Mock.user_id == user_id).order_by(Mock.id)).all()
        doc = ProgressDoc(
            format=FORMAT,
            version=VERSION,
            exported_at=datetime.now(UTC),
            settings=SettingsDoc(
                desired_retention=settings.desired_retention if settings else 0.9,
                new_cards_per_day=settings.new_cards_per_day if settings else 20,
                interview_date=settings.interview_date if settings else None,
            ),
            card_states=[CardStateDoc.model_validate(s, from_attributes=True) for s in states],
            reviews=[ReviewDoc.model_validate(r, from_attributes=True) for r in reviews],
            submissions=[
                SubmissionDoc(
                    problem=s.problem,
                    code=s.code,
                    verdict=s.verdict,
                    passed=s.passed,
                    total=s.total,
                    time_ms=s.time_ms,
                    memory_kb=s.memory_kb,
                    result=json.loads(s.result),
                    created_at=s.created_at,
                )
                for s in submissions
            ],
            stories=[
                StoryDoc(
                    title=s.title,
                    situation=s.situation,
                    task=s.task,
                    action=s.action,
                    result=s.result,
                    questions=json.loads(s.questions),
                    competencies=json.loads(s.competencies),
                    created_at=s.created_at,
                    updated_at=s.updated_at,
                )
                for s in stories
            ],
            designs=[
                DesignDoc(
                    prompt_id=d.prompt_id,
                    sections=json.loads(d.sections),
                    scores=json.loads(d.scores) if d.scores else None,
                    created_at=d.created_at,
                )
                for d in designs
            ],
            mocks=[
                MockDoc(
                    minutes=m.minutes,
                    focus=m.focus,
                    parts=json.loads(m.parts),
                    answers=json.loads(m.answers),
                    score=m.score,
                    started_at=m.started_at,
                    finished_at=m.finished_at,
                )
                for m in mocks
            ],
        )
    exported: dict[str, object] = json.loads(doc.model_dump_json())
    return exported


def parse_progress(text: str) -> ProgressDoc:
    """The document, or ProgressFileError naming what is wrong and where."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProgressFileError(f"not valid JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ProgressFileError(f"not a prep progress file (its 'format' is not {FORMAT!r})")
    if raw.get("version") != VERSION:
        raise ProgressFileError(
            f"progress file version {raw.get('version')!r} is not supported "
            f"(this prep reads version {VERSION}; was it written by a newer prep?)"
        )
    try:
        return ProgressDoc.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"{field_path(e['loc']) or '(top level)'}: {e['msg']}"
            for e in exc.errors(include_url=False)[:5]
        ]
        more = exc.error_count() - len(problems)
        suffix = f" (and {more} more)" if more > 0 else ""
        raise ProgressFileError("; ".join(problems) + suffix) from None


def import_progress(db: Database, user_id: int, doc: ProgressDoc) -> ImportReport:
    """Merge the document into the user's progress, in one transaction."""
    with db.session() as session:
        settings = session.get(UserSettings, user_id) or UserSettings(user_id=user_id)
        settings.desired_retention = doc.settings.desired_retention
        settings.new_cards_per_day = doc.settings.new_cards_per_day
        settings.interview_date = doc.settings.interview_date
        session.add(settings)

        known_reviews = {
            (r.card_id, _utc(r.reviewed_at), r.rating)
            for r in session.scalars(select(ReviewLog).where(ReviewLog.user_id == user_id))
        }
        reviews_added = 0
        for review in doc.reviews:
            review_key = (review.card_id, _utc(review.reviewed_at), review.rating)
            if review_key in known_reviews:
                continue
            known_reviews.add(review_key)
            session.add(ReviewLog(user_id=user_id, **review.model_dump()))
            reviews_added += 1

        states_updated = 0
        for state in doc.card_states:
            row = session.get(CardState, (user_id, state.card_id))
            if row is not None and _newer_or_same(row.last_review, state.last_review):
                continue
            if row is None:
                row = CardState(user_id=user_id, card_id=state.card_id)
                session.add(row)
            for name, value in state.model_dump(exclude={"card_id"}).items():
                setattr(row, name, value)
            states_updated += 1

        known_submissions = {
            (s.problem, _utc(s.created_at), s.code)
            for s in session.scalars(select(Submission).where(Submission.user_id == user_id))
        }
        submissions_added = 0
        for sub in doc.submissions:
            sub_key = (sub.problem, _utc(sub.created_at), sub.code)
            if sub_key in known_submissions:
                continue
            known_submissions.add(sub_key)
            fields = sub.model_dump(exclude={"result"})
            session.add(Submission(user_id=user_id, result=json.dumps(sub.result), **fields))
            submissions_added += 1
        known_stories = {
            (s.title, _utc(s.created_at))
            for s in session.scalars(select(Story).where(Story.user_id == user_id))
        }
        stories_added = 0
        for story in doc.stories:
            if (story.title, _utc(story.created_at)) in known_stories:
                continue
            fields = story.model_dump(exclude={"questions", "competencies"})
            session.add(
                Story(
                    user_id=user_id,
                    questions=json.dumps(story.questions),
                    competencies=json.dumps(story.competencies),
                    **fields,
                )
            )
            stories_added += 1
        known_designs = {
            (d.prompt_id, _utc(d.created_at))
            for d in session.scalars(select(Design).where(Design.user_id == user_id))
        }
        others_added = 0
        for design in doc.designs:
            if (design.prompt_id, _utc(design.created_at)) in known_designs:
                continue
            session.add(
                Design(
                    user_id=user_id,
                    prompt_id=design.prompt_id,
                    sections=json.dumps(design.sections),
                    scores=json.dumps(design.scores) if design.scores is not None else None,
                    created_at=design.created_at,
                )
            )
            others_added += 1
        known_mocks = {
            _utc(m.started_at) for m in session.scalars(select(Mock).where(Mock.user_id == user_id))
        }
        for mock in doc.mocks:
            if _utc(mock.started_at) in known_mocks:
                continue
            session.add(
                Mock(
                    user_id=user_id,
                    minutes=mock.minutes,
                    focus=mock.focus,
                    parts=json.dumps(mock.parts),
                    answers=json.dumps(mock.answers),
                    score=mock.score,
                    started_at=mock.started_at,
                    finished_at=mock.finished_at,
                )
            )
            others_added += 1
    return ImportReport(
        reviews_added,
        len(doc.reviews) - reviews_added,
        states_updated,
        len(doc.card_states) - states_updated,
        submissions_added,
        len(doc.submissions) - submissions_added,
        stories_added,
        others_added,
    )


def _newer_or_same(current: datetime | None, incoming: datetime | None) -> bool:
    """Keep the local state when it was reviewed at least as recently as the imported one."""
    if incoming is None:
        return True
    return current is not None and _utc(current) >= _utc(incoming)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
