"""The likely-questions drill: the seed's interview questions, asked one at a time.

The candidate answers (typed, or aloud), then ticks the key points of the model answer they
covered. The share covered becomes an FSRS rating, recorded like a card review under the id
`question:<id>`, so a question answered poorly comes back sooner and one answered fully waits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from prep.content.catalog import PRIORITY_WEIGHT, Catalog, ModelAnswer, Question
from prep.store.database import Database
from prep.store.queries import card_states
from prep.study.scheduler import Rating
from prep.study.session import ReviewOutcome, StudyService

PREFIX = "question:"


class DrillError(ValueError):
    """A drill answer that cannot be graded; the message says what to fix."""


def drill_id(question_id: str) -> str:
    return PREFIX + question_id


@dataclass(frozen=True)
class DrillQuestion:
    question: Question
    answer: ModelAnswer
    is_new: bool


@dataclass(frozen=True)
class DrillResult:
    question_id: str
    covered: int
    total: int
    rating: int
    outcome: ReviewOutcome

    @property
    def share(self) -> float:
        return self.covered / self.total


def rating_for(covered: int, total: int) -> int:
    """Below half the key points is a lapse; all of them is Easy."""
    share = covered / total
    if share < 0.5:
        return int(Rating.Again)
    if share < 0.75:
        return int(Rating.Hard)
    if share < 1.0:
        return int(Rating.Good)
    return int(Rating.Easy)


class DrillService:
    def __init__(self, catalog: Catalog, db: Database, user_id: int) -> None:
        self.catalog = catalog
        self.db = db
        self.user_id = user_id

    def questions(self) -> list[Question]:
        """Questions with a model answer, High Priority sections first, then in seed order."""
        sections = {s.id: s.priority for s in self.catalog.sections}
        answerable = [q for q in self.catalog.questions if q.id in self.catalog.answers]
        return sorted(
            answerable,
            key=lambda q: -PRIORITY_WEIGHT.get(sections.get(q.section, "normal"), 1),
        )

    def next_question(
        self, now: datetime, *, skip: frozenset[str] = frozenset()
    ) -> DrillQuestion | None:
        """The most overdue question, else one never drilled; None when none is due."""
        states = card_states(self.db, self.user_id)
        candidates = [q for q in self.questions() if q.id not in skip]
        due = sorted(
            (q for q in candidates if (s := states.get(drill_id(q.id))) and s.due <= now),
            key=lambda q: states[drill_id(q.id)].due,
        )
        if due:
            return DrillQuestion(due[0], self.catalog.answers[due[0].id], is_new=False)
        fresh = next((q for q in candidates if drill_id(q.id) not in states), None)
        if fresh is not None:
            return DrillQuestion(fresh, self.catalog.answers[fresh.id], is_new=True)
        return None

    def record(
        self,
        question_id: str,
        covered_points: set[int],
        now: datetime,
        *,
        answer: str | None = None,
        duration_ms: int | None = None,
    ) -> DrillResult:
        model = self.catalog.answers.get(question_id)
        if model is None:
            raise DrillError(f"no question {question_id!r} with a model answer")
        total = len(model.meta.key_points)
        if any(not 0 <= i < total for i in covered_points):
            raise DrillError(f"key points are numbered 0-{total - 1}")
        rating = rating_for(len(covered_points), total)
        outcome = StudyService(self.catalog, self.db, self.user_id).record(
            drill_id(question_id),
            rating,
            now,
            answer=answer,
            correct=rating != Rating.Again,
            duration_ms=duration_ms,
        )
        return DrillResult(question_id, len(covered_points), total, rating, outcome)
