"""A study session: which card comes next, and recording a review the moment it is given.

Every review is its own transaction, so an interrupted session (Ctrl-C, a crash, a closed
terminal) loses nothing that was already answered.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cached_property
from typing import cast

from sqlalchemy import (
    BindParameter,
    Integer,
    Row,
    Select,
    Table,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from prep.content.catalog import Card, Catalog
from prep.store.database import Database
from prep.store.models import CardState, ReviewLog, UserSettings
from prep.store.types import UTCDateTime
from prep.study.days import day_bounds
from prep.study.ordering import new_card_order
from prep.study.scheduler import NEW_STATE, Rating, State, make_scheduler, to_fsrs
from prep.study.settings import Settings

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

    @property
    def _new_order(self) -> list[Card]:
        return _new_order_of(self.catalog)

    def next_card(self, scope: Scope, now: datetime) -> NextCard | None:
        """Due cards first (most overdue first), then new cards within today's limit, then
        learning cards that fall due within LEARN_AHEAD."""
        with self.db.session() as session:
            return self._next_card(_Queue(session, self, now), scope)

    def counts(self, scope: Scope, now: datetime) -> QueueCounts:
        with self.db.session() as session:
            return self._counts(_Queue(session, self, now), scope)

    def queue(self, scope: Scope, now: datetime) -> tuple[NextCard | None, QueueCounts]:
        """next_card and counts together, read in one session."""
        with self.db.session() as session:
            queue = _Queue(session, self, now)
            return self._next_card(queue, scope), self._counts(queue, scope)

    def new_remaining_today(self, now: datetime) -> int:
        with self.db.session() as session:
            return _Queue(session, self, now).new_remaining_today

    def _next_card(self, queue: _Queue, scope: Scope) -> NextCard | None:
        for card_id in queue.due:
            if self._in_scope(card_id, scope):
                return NextCard(self.catalog.cards[card_id], is_new=False)
        if queue.new_remaining_today > 0:
            for card in self._new_order:
                if card.id not in queue.seen and scope.contains(card, self.catalog):
                    return NextCard(card, is_new=True)
        for card_id in queue.learning_soon():
            if self._in_scope(card_id, scope):
                return NextCard(self.catalog.cards[card_id], is_new=False)
        return None

    def _counts(self, queue: _Queue, scope: Scope) -> QueueCounts:
        due = sum(1 for card_id in queue.due if self._in_scope(card_id, scope))
        remaining = queue.new_remaining_today
        if remaining == 0:
            return QueueCounts(due, 0)
        in_scope = (
            len(self._new_order)
            if scope == Scope()
            else sum(1 for c in self._new_order if scope.contains(c, self.catalog))
        )
        if in_scope - queue.seen_count >= remaining:
            # At least `remaining` cards are unseen, whichever cards were seen: no need to
            # read which ones (a long-standing user has a state for most of the catalog).
            return QueueCounts(due, remaining)
        seen = queue.seen
        unseen = sum(
            1 for c in self._new_order if c.id not in seen and scope.contains(c, self.catalog)
        )
        return QueueCounts(due, min(unseen, remaining))

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
        if card_id not in self.catalog.cards and not self._is_question(card_id):
            raise KeyError(f"unknown card {card_id!r}")
        if now.tzinfo is None:
            raise ValueError("review time must be timezone-aware")
        now = now.astimezone(UTC)
        key = {"user_id": self.user_id, "card_id": card_id}
        # In Core rather than through the ORM's unit of work, which cost more than the rest of
        # the request; the rows written are the same.
        with self.db.write_session() as session:
            retention = session.execute(_RETENTION, key).scalar()
            if retention is None:  # no settings row: the defaults apply
                retention = Settings().desired_retention
            found = session.execute(_STATE, key).one_or_none()
            row = None if found is None else CardState(**found._mapping)
            before = NEW_STATE if row is None else row.state
            updated, _ = make_scheduler(retention).review_card(
                to_fsrs(row), Rating(rating), review_datetime=now, review_duration=duration_ms
            )
            state = {
                "state": int(updated.state),
                "step": updated.step,
                "stability": updated.stability,
                "difficulty": updated.difficulty,
                "due": updated.due,
                "last_review": updated.last_review,
                "reps": (0 if row is None else row.reps) + 1,
                "lapses": (0 if row is None else row.lapses)
                + (rating == Rating.Again and before == State.Review),
            }
            if row is None:
                session.execute(_NEW_STATE, {**key, **state, "introduced_at": now})
            else:
                session.execute(
                    _UPDATE_STATE, {**state, "key_user": self.user_id, "key_card": card_id}
                )
            session.execute(
                _LOG,
                {
                    **key,
                    "rating": rating,
                    "reviewed_at": now,
                    "duration_ms": duration_ms,
                    "answer": answer,
                    "correct": correct,
                    "state_before": before,
                    "state_after": state["state"],
                    "stability_after": state["stability"],
                    "difficulty_after": state["difficulty"],
                    "due_after": state["due"],
                },
            )
        return ReviewOutcome(card_id, rating, updated.due, int(updated.state))

    def _is_question(self, item_id: str) -> bool:
        """Likely questions are drilled like cards (see study.drill), under `question:<id>`."""
        prefix, _, question = item_id.partition(":")
        return prefix == "question" and question in self.catalog.answers

    def _in_scope(self, card_id: str, scope: Scope) -> bool:
        # Cards removed from the content keep their history but are no longer shown.
        card = self.catalog.cards.get(card_id)
        return card is not None and scope.contains(card, self.catalog)


class _Queue:
    """What choosing the next card needs from the database, read in one session, each query
    only when first needed. Only card ids and counts are read, never whole states: a user with
    a long history has a state for most of the catalog, and loading them all cost more than the
    rest of the request."""

    def __init__(self, session: Session, service: StudyService, now: datetime) -> None:
        self.session = session
        self.user_id = service.user_id
        self.tz = service.tz
        self.now = now

    def _ids(self, query: Select[str], **params: object) -> list[str]:
        return list(self.session.execute(query, {"user_id": self.user_id, **params}).scalars())

    @cached_property
    def due(self) -> list[str]:
        """Card ids due now, most overdue first."""
        return self._ids(_DUE, until=self.now)

    def learning_soon(self) -> list[str]:
        return self._ids(_LEARNING_DUE, until=self.now + LEARN_AHEAD)

    @cached_property
    def seen(self) -> set[str]:
        """Every card the user has a state for."""
        return set(self._ids(_SEEN))

    @cached_property
    def _new_cards(self) -> Row[int, int, int | None]:
        start, end = day_bounds(self.now, self.tz)
        params = {"user_id": self.user_id, "day_start": start, "day_end": end}
        return self.session.execute(_NEW_CARDS, params).one()

    @property
    def seen_count(self) -> int:
        return len(self.seen) if "seen" in self.__dict__ else int(self._new_cards.seen)

    @property
    def new_remaining_today(self) -> int:
        introduced, _, per_day = self._new_cards
        if per_day is None:  # no settings row: the defaults apply
            per_day = Settings().new_cards_per_day
        return max(0, per_day - introduced)


# Statements built once, so SQLAlchemy reuses their compiled form, and in Core: for queries
# this small the ORM's bookkeeping costs more than SQLite does.
_card_states = cast(Table, CardState.__table__)
_states = _card_states.c
_settings = cast(Table, UserSettings.__table__).c
_USER: BindParameter[int] = bindparam("user_id", type_=Integer())


def _ids_due_until(*states: State) -> Select[str]:
    query = select(_states.card_id).where(
        _states.user_id == _USER, _states.due <= bindparam("until", type_=UTCDateTime())
    )
    if states:
        query = query.where(_states.state.in_([int(s) for s in states]))
    return query.order_by(_states.due, _states.card_id)


#: Drilled questions (study.drill) have states too; they are not cards and use no daily limit.
_IS_CARD = _states.card_id.not_like("question:%")
_DUE = _ids_due_until()
_LEARNING_DUE = _ids_due_until(State.Learning, State.Relearning)
_SEEN: Select[str] = select(_states.card_id).where(_states.user_id == _USER)
_NEW_CARDS: Select[int, int, int | None] = select(
    select(func.count())
    .where(
        _states.user_id == _USER,
        _states.introduced_at >= bindparam("day_start", type_=UTCDateTime()),
        _states.introduced_at < bindparam("day_end", type_=UTCDateTime()),
        _IS_CARD,
    )
    .scalar_subquery()
    .label("introduced_today"),
    select(func.count()).where(_states.user_id == _USER, _IS_CARD).scalar_subquery().label("seen"),
    select(_settings.new_cards_per_day)
    .where(_settings.user_id == _USER)
    .scalar_subquery()
    .label("per_day"),
)
_RETENTION: Select[float] = select(_settings.desired_retention).where(_settings.user_id == _USER)
_STATE = select(_card_states).where(
    _states.user_id == _USER, _states.card_id == bindparam("card_id")
)
_NEW_STATE = insert(_card_states)
_UPDATE_STATE = update(_card_states).where(
    _states.user_id == bindparam("key_user"), _states.card_id == bindparam("key_card")
)
_LOG = insert(cast(Table, ReviewLog.__table__))


#: The new-card order of each catalog in use (computing it walks every card); catalogs are
#: immutable, and an entry goes when its catalog does.
_new_orders: dict[int, list[Card]] = {}
_new_orders_lock = threading.Lock()


def _new_order_of(catalog: Catalog) -> list[Card]:
    key = id(catalog)
    order = _new_orders.get(key)
    if order is None:
        order = new_card_order(catalog)
        with _new_orders_lock:
            if key not in _new_orders:
                _new_orders[key] = order
                weakref.finalize(catalog, _new_orders.pop, key, None)
    return order
