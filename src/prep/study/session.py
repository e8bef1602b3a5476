"""A study session: which card comes next, and recording a review the moment it is given.

Every review is its own transaction, so an interrupted session (Ctrl-C, a crash, a closed
terminal) loses nothing that was already answered.
"""

from __future__ import annotations

import json
import threading
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import cast

from sqlalchemy import (
    BindParameter,
    Connection,
    Integer,
    Select,
    Table,
    bindparam,
    func,
    insert,
    select,
    update,
)

from prep.content.catalog import Card, Catalog
from prep.store.database import Database
from prep.store.models import CardState, ReviewLog, UserSettings
from prep.store.prepared import Prepared
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
        with self.db.read() as connection:
            return self._next_card(_Queue(connection, self, now), scope)

    def counts(self, scope: Scope, now: datetime) -> QueueCounts:
        with self.db.read() as connection:
            return self._counts(_Queue(connection, self, now), scope)

    def queue(self, scope: Scope, now: datetime) -> tuple[NextCard | None, QueueCounts]:
        """next_card and counts together, read on one connection."""
        with self.db.read() as connection:
            queue = _Queue(connection, self, now)
            return self._next_card(queue, scope), self._counts(queue, scope)

    def new_remaining_today(self, now: datetime) -> int:
        with self.db.read() as connection:
            return _Queue(connection, self, now).new_remaining_today

    def _next_card(self, queue: _Queue, scope: Scope) -> NextCard | None:
        first = queue.first_due
        if first is not None:
            if self._in_scope(first, scope):  # nearly always, unless the scope is narrower
                return NextCard(self.catalog.cards[first], is_new=False)
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
        if scope == Scope():
            cards = self.catalog.cards
            due = sum(1 for card_id in queue.due_unordered if card_id in cards)
        else:
            due = sum(1 for card_id in queue.due_unordered if self._in_scope(card_id, scope))
        remaining = queue.new_remaining_today
        if remaining == 0:
            return QueueCounts(due, 0)
        in_scope = (
            len(self._new_order)
            if scope == Scope()
            else sum(1 for c in self._new_order if scope.contains(c, self.catalog))
        )
        if in_scope - queue.summary.all_states >= remaining or (
            in_scope - queue.seen_count >= remaining
        ):
            # At least `remaining` cards are unseen, whichever cards were seen: no need to
            # read which ones (a long-standing user has a state for most of the catalog). Any
            # upper bound of the cards seen will do: first the states of every user, which
            # SQLite counts far faster, then the user's own when that bound is too loose.
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
        # Prepared statements rather than an ORM session or even Core execution, whose
        # machinery cost several times what SQLite does here; the rows written are the same.
        with self.db.write() as connection:
            found = _RETENTION.one_or_none(connection, key)
            retention = Settings().desired_retention if found is None else found[0]
            stored = _STATE.one_or_none(connection, key)
            row = None if stored is None else _StoredState(*stored)
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
                _NEW_STATE.execute(connection, {**key, **state, "introduced_at": now})
            else:
                _UPDATE_STATE.execute(
                    connection, {**state, "key_user": self.user_id, "key_card": card_id}
                )
            _LOG.execute(
                connection,
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
    """What choosing the next card needs from the database, read on one connection, each query
    only when first needed. Only card ids and counts are read, never whole states: a user with
    a long history has a state for most of the catalog, and loading them all cost more than the
    rest of the request.

    One statement (the summary) answers the usual request: the first card due, the ids of all
    cards due (to count those in the catalog and scope) and the numbers the daily new-card limit
    needs. The due ids come as one JSON array rather than one row each, which cost several
    times more to fetch than SQLite took to find them. The full ordered list of due cards is
    read only when the first due card is outside the scope.

    Each answer is kept by hand rather than with functools.cached_property, which on Python 3.11
    holds one lock per class while it computes: requests in other threads would wait for each
    other's queries."""

    def __init__(self, connection: Connection, service: StudyService, now: datetime) -> None:
        self.connection = connection
        self.user_id = service.user_id
        self.tz = service.tz
        self.now = now
        self._summary: _Summary | None = None
        self._due: list[str] | None = None
        self._seen: set[str] | None = None
        self._seen_count: int | None = None

    def _ids(self, query: Select[str], **params: object) -> list[str]:
        found = self.connection.execute(query, {"user_id": self.user_id, **params})
        return list(found.scalars().all())

    @property
    def summary(self) -> _Summary:
        if self._summary is None:
            start, end = day_bounds(self.now, self.tz)
            params = {"user_id": self.user_id, "until": self.now, "day_start": start}
            first_due, due_ids, introduced_today, all_states, per_day = _SUMMARY.one(
                self.connection, {**params, "day_end": end}
            )
            self._summary = _Summary(
                first_due, json.loads(due_ids), introduced_today, all_states, per_day
            )
        return self._summary

    @property
    def first_due(self) -> str | None:
        """The card due the longest (of every state, in the catalog or not)."""
        return self.summary.first_due

    @property
    def due_unordered(self) -> list[str]:
        """Card ids due now, in no particular order."""
        return self.summary.due_ids

    @property
    def due(self) -> list[str]:
        """Card ids due now, most overdue first."""
        if self._due is None:
            self._due = self._ids(_DUE, until=self.now)
        return self._due

    def learning_soon(self) -> list[str]:
        return self._ids(_LEARNING_DUE, until=self.now + LEARN_AHEAD)

    @property
    def seen(self) -> set[str]:
        """Every card the user has a state for."""
        if self._seen is None:
            (found,) = _SEEN.one(self.connection, {"user_id": self.user_id})
            self._seen = set(json.loads(found))
        return self._seen

    @property
    def seen_count(self) -> int:
        """How many cards the user has a state for, or a little more (see _SEEN_COUNT)."""
        if self._seen is not None:
            return len(self._seen)
        if self._seen_count is None:
            (self._seen_count,) = _SEEN_COUNT.one(self.connection, {"user_id": self.user_id})
        return self._seen_count

    @property
    def new_remaining_today(self) -> int:
        per_day = self.summary.per_day
        if per_day is None:  # no settings row: the defaults apply
            per_day = Settings().new_cards_per_day
        return max(0, per_day - self.summary.introduced_today)


@dataclass(frozen=True)
class _StoredState:
    """The columns of a card's state that recording a review reads."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int
    lapses: int


@dataclass(frozen=True)
class _Summary:
    first_due: str | None
    due_ids: list[str]
    introduced_today: int  # cards (not questions) seen for the first time today
    all_states: int  # the states of every user, cards and questions
    per_day: int | None  # the daily new-card limit; None: no settings row


# Statements built once, so SQLAlchemy reuses their compiled form, and in Core: for queries
# this small the ORM's bookkeeping costs more than SQLite does. Those of every "what next" and
# every review are Prepared (see prep.store.prepared): even Core's execution costs more.
_card_states = cast(Table, CardState.__table__)
_states = _card_states.c
_settings = cast(Table, UserSettings.__table__).c
_USER: BindParameter[int] = bindparam("user_id", type_=Integer())
_UNTIL: BindParameter[datetime] = bindparam("until", type_=UTCDateTime())


def _ids_due_until(*states: State) -> Select[str]:
    query = select(_states.card_id).where(_states.user_id == _USER, _states.due <= _UNTIL)
    if states:
        query = query.where(_states.state.in_([int(s) for s in states]))
    return query.order_by(_states.due, _states.card_id)


#: Drilled questions (study.drill) have states too, under "question:<id>"; they are not cards
#: and use no daily limit.
_IS_CARD = _states.card_id.not_like("question:%")
_DUE = _ids_due_until()
_LEARNING_DUE = _ids_due_until(State.Learning, State.Relearning)
#: As one JSON array, like the due ids: a long-standing user has a state for most cards.
_SEEN = Prepared(select(func.json_group_array(_states.card_id)).where(_states.user_id == _USER))
#: Everything a usual "what next" needs, in one row; see _Queue.
_SUMMARY = Prepared(
    select(
        _ids_due_until().limit(1).scalar_subquery().label("first_due"),
        select(func.json_group_array(_states.card_id))
        .where(_states.user_id == _USER, _states.due <= _UNTIL)
        .scalar_subquery()
        .label("due_ids"),
        select(func.count())
        .where(
            _states.user_id == _USER,
            _states.introduced_at >= bindparam("day_start", type_=UTCDateTime()),
            _states.introduced_at < bindparam("day_end", type_=UTCDateTime()),
            _IS_CARD,
        )
        .scalar_subquery()
        .label("introduced_today"),
        # Without a WHERE clause, SQLite counts the rows of a table from its pages' headers.
        select(func.count()).select_from(_card_states).scalar_subquery().label("all_states"),
        select(_settings.new_cards_per_day)
        .where(_settings.user_id == _USER)
        .scalar_subquery()
        .label("per_day"),
    )
)
#: The user's states minus those of drilled questions, counted as two ranges of the primary key
#: (NOT LIKE 'question:%' would test every row of the user). LIKE ignores case and a range does
#: not, so this may count a few questions too: it is an upper bound of the cards seen, which is
#: all StudyService._counts needs of it.
_SEEN_COUNT = Prepared(
    select(
        select(func.count()).where(_states.user_id == _USER).scalar_subquery()
        - select(func.count())
        .where(
            _states.user_id == _USER,
            _states.card_id >= "question:",
            _states.card_id < "question;",
        )
        .scalar_subquery()
    )
)
_RETENTION = Prepared(select(_settings.desired_retention).where(_settings.user_id == _USER))
_STATE_COLUMNS = [*_StoredState.__dataclass_fields__]
_STATE = Prepared(
    select(*(_states[name] for name in _STATE_COLUMNS)).where(
        _states.user_id == _USER, _states.card_id == bindparam("card_id")
    )
)
_NEW_STATE = Prepared(
    insert(_card_states), columns=["user_id", "card_id", "introduced_at", *_STATE_COLUMNS]
)
_UPDATE_STATE = Prepared(
    update(_card_states).where(
        _states.user_id == bindparam("key_user"), _states.card_id == bindparam("key_card")
    ),
    columns=_STATE_COLUMNS,
)
_review_logs = cast(Table, ReviewLog.__table__)
_LOG = Prepared(insert(_review_logs), columns=[c.name for c in _review_logs.c if c.name != "id"])


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
