"""A study session: which card comes next, and recording a review the moment it is given.

Every review is its own transaction, so an interrupted session (Ctrl-C, a crash, a closed
terminal) loses nothing that was already answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cached_property

from sqlalchemy import func, select

from prep.content.catalog import Card, Catalog
from prep.store.database import Database
from prep.store.models import CardState, ReviewLog
from prep.store.queries import card_states
from prep.study.days import day_bounds
from prep.study.ordering import new_card_order
from prep.study.scheduler import NEW_STATE, Rating, State, make_scheduler, to_fsrs
from prep.study.settings import load_settings

#: Like Anki's learn-ahead limit: when nothing else is left, show learning cards due this soon.
LEARN_AHEAD = timedelta(minutes=20)


class ScopeError(ValueError):
    """A section or topic id the user gave does not exist."""


@dataclass(frozen=True)
class Scope:
    """Which cards a session draws from; the empty scope is the whole catalog."""

    section: str | None = None
    topic: str | None = None

    def validate(self, catalog: Catalog) -> Scope:
        if self.section is not None and self.section not in {s.id for s in catalog.sections}:
            known = ", ".join(s.id for s in catalog.sections)
            raise ScopeError(f"unknown section {self.section!r}; sections are: {known}")
        if self.topic is not None and self.topic not in catalog.topics:
            raise ScopeError(f"unknown topic {self.topic!r}; `prep topics` lists the topic ids")
        return self

    def contains(self, card: Card, catalog: Catalog) -> bool:
        if self.topic is not None and card.topic_id != self.topic:
            return False
        return self.section is None or catalog.topics[card.topic_id].section_id == self.section


@dataclass(frozen=True)
class NextCard:
    card: Card
    is_new: bool


@dataclass(frozen=True)
class ReviewOutcome:
    card_id: str
    rating: int
    due: datetime
    state: int


@dataclass(frozen=True)
class QueueCounts:
    due: int
    new: int


class StudyService:
    def __init__(
        self, catalog: Catalog, db: Database, user_id: int, *, tz: tzinfo | None = None
    ) -> None:
        self.catalog = catalog
        self.db = db
        self.user_id = user_id
        self.tz = tz

    @cached_property
    def _new_order(self) -> list[Card]:
        return new_card_order(self.catalog)

    def next_card(self, scope: Scope, now: datetime) -> NextCard | None:
        """Due cards first (most overdue first), then new cards within today's limit, then
        learning cards that fall due within LEARN_AHEAD."""
        states = card_states(self.db, self.user_id)
        due = sorted(
            (
                row
                for row in states.values()
                if row.due <= now and self._in_scope(row.card_id, scope)
            ),
            key=lambda row: row.due,
        )
        if due:
            return NextCard(self.catalog.cards[due[0].card_id], is_new=False)
        if self.new_remaining_today(now) > 0:
            for card in self._new_order:
                if card.id not in states and scope.contains(card, self.catalog):
                    return NextCard(card, is_new=True)
        soon = sorted(
            (
                row
                for row in states.values()
                if row.state in (State.Learning, State.Relearning)
                and row.due <= now + LEARN_AHEAD
                and self._in_scope(row.card_id, scope)
            ),
            key=lambda row: row.due,
        )
        return NextCard(self.catalog.cards[soon[0].card_id], is_new=False) if soon else None

    def counts(self, scope: Scope, now: datetime) -> QueueCounts:
        states = card_states(self.db, self.user_id)
        due = sum(
            1 for row in states.values() if row.due <= now and self._in_scope(row.card_id, scope)
        )
        unseen = sum(
            1 for c in self._new_order if c.id not in states and scope.contains(c, self.catalog)
        )
        return QueueCounts(due, min(unseen, self.new_remaining_today(now)))

    def new_remaining_today(self, now: datetime) -> int:
        start, end = day_bounds(now, self.tz)
        with self.db.session() as session:
            introduced = session.scalar(
                select(func.count())
                .select_from(CardState)
                .where(
                    CardState.user_id == self.user_id,
                    CardState.introduced_at >= start,
                    CardState.introduced_at < end,
                )
            )
        limit = load_settings(self.db, self.user_id).new_cards_per_day
        return max(0, limit - (introduced or 0))

    def record(
        self,
        card_id: str,
        rating: int,
        now: datetime,
        *,
        answer: str | None = None,
        correct: bool | None = None,
        duration_ms: int | None = None,
    ) -> ReviewOutcome:
        """Schedule the card and append the review to the log, in one committed transaction."""
        if card_id not in self.catalog.cards:
            raise KeyError(f"unknown card {card_id!r}")
        if now.tzinfo is None:
            raise ValueError("review time must be timezone-aware")
        settings = load_settings(self.db, self.user_id)
        scheduler = make_scheduler(settings.desired_retention)
        now = now.astimezone(UTC)
        with self.db.session() as session:
            row = session.get(CardState, (self.user_id, card_id))
            before = NEW_STATE if row is None else row.state
            updated, _ = scheduler.review_card(
                to_fsrs(row), Rating(rating), review_datetime=now, review_duration=duration_ms
            )
            if row is None:
                row = CardState(
                    user_id=self.user_id, card_id=card_id, introduced_at=now, reps=0, lapses=0
                )
                session.add(row)
            row.state = int(updated.state)
            row.step = updated.step
            row.stability = updated.stability
            row.difficulty = updated.difficulty
            row.due = updated.due
            row.last_review = updated.last_review
            row.reps += 1
            if rating == Rating.Again and before == State.Review:
                row.lapses += 1
            session.add(
                ReviewLog(
                    user_id=self.user_id,
                    card_id=card_id,
                    rating=rating,
                    reviewed_at=now,
                    duration_ms=duration_ms,
                    answer=answer,
                    correct=correct,
                    state_before=before,
                    state_after=row.state,
                    stability_after=row.stability,
                    difficulty_after=row.difficulty,
                    due_after=row.due,
                )
            )
        return ReviewOutcome(card_id, rating, updated.due, int(updated.state))

    def _in_scope(self, card_id: str, scope: Scope) -> bool:
        # Cards removed from the content keep their history but are no longer shown.
        card = self.catalog.cards.get(card_id)
        return card is not None and scope.contains(card, self.catalog)
