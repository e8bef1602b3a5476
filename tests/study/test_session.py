"""The study session: FSRS round trip, what comes next, daily new-card limit, ordering."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from prep.content.catalog import Catalog
from prep.store.database import Database
from prep.store.models import CardState, ReviewLog, User
from prep.study.ordering import new_card_order
from prep.study.session import QueueCounts, Scope, ScopeError, StudyService
from prep.study.settings import Settings, save_settings

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def service(tiny_catalog: Catalog, db: Database) -> StudyService:
    return StudyService(tiny_catalog, db, db.local_user_id(), tz=UTC)


@pytest.fixture(autouse=True)
def _no_fuzz() -> None:
    random.seed(1234)  # fsrs fuzzes intervals with the module-level random


def test_review_round_trip_matches_fsrs_computed_directly(
    service: StudyService, db: Database
) -> None:
    scheduler = Scheduler(desired_retention=0.9)
    expected = FsrsCard(card_id=0)
    moments = [T0, T0 + timedelta(minutes=10), T0 + timedelta(days=3), T0 + timedelta(days=12)]
    ratings = [Rating.Good, Rating.Good, Rating.Good, Rating.Again]
    for moment, rating in zip(moments, ratings, strict=True):
        random.seed(99)
        outcome = service.record(
            "gens/lazy", int(rating), moment, answer="x", correct=rating != Rating.Again
        )
        random.seed(99)
        expected, _ = scheduler.review_card(expected, rating, review_datetime=moment)
        assert outcome.due == expected.due
        assert outcome.state == expected.state
    with db.session() as session:
        row = session.get(CardState, (db.local_user_id(), "gens/lazy"))
        logs = session.query(ReviewLog).order_by(ReviewLog.id).all()
    assert row is not None
    assert (row.state, row.stability, row.difficulty) == (
        expected.state,
        expected.stability,
        expected.difficulty,
    )
    assert (row.reps, row.lapses, row.introduced_at) == (4, 1, T0)
    assert [log.state_before for log in logs] == [0, State.Learning, State.Review, State.Review]
    assert [log.rating for log in logs] == [3, 3, 3, 1]
    assert logs[-1].correct is False and logs[-1].due_after == row.due


def test_due_cards_come_before_new_ones_most_overdue_first(service: StudyService) -> None:
    service.record("misc/one", int(Rating.Good), T0 - timedelta(days=10))
    service.record("misc/two", int(Rating.Good), T0 - timedelta(days=9))
    upcoming = service.next_card(Scope(), T0)
    assert upcoming is not None and not upcoming.is_new
    assert upcoming.card.id == "misc/one"


def test_new_cards_follow_the_curriculum_order_weighted_by_priority(tiny_catalog: Catalog) -> None:
    order = [c.id for c in new_card_order(tiny_catalog)]
    # basics (high, weight 2) introduces two cards for each one of extras (normal, weight 1)
    assert order == [
        "gens/lazy",
        "gens/pick",
        "misc/one",
        "gens/define",
        "gens/keyword",
        "misc/two",
        "funcs/star",
        "funcs/kw",
    ]


def test_new_card_limit_per_day_is_respected(service: StudyService, db: Database) -> None:
    save_settings(db, db.local_user_id(), Settings(new_cards_per_day=2))
    shown = []
    for minute in range(3):
        upcoming = service.next_card(Scope(), T0 + timedelta(minutes=minute))
        if upcoming is None:
            break
        shown.append(upcoming.card.id)
        service.record(upcoming.card.id, int(Rating.Easy), T0 + timedelta(minutes=minute))
    assert shown == ["gens/lazy", "gens/pick"]
    assert service.counts(Scope(), T0).new == 0
    tomorrow = T0 + timedelta(days=1)
    assert service.new_remaining_today(tomorrow) == 2


def test_learning_card_comes_back_within_the_learn_ahead_window(
    service: StudyService, db: Database
) -> None:
    save_settings(db, db.local_user_id(), Settings(new_cards_per_day=1))
    service.record("gens/lazy", int(Rating.Again), T0)  # due again in 1 minute
    assert service.next_card(Scope(), T0) is not None  # learn-ahead: nothing else is left
    assert service.next_card(Scope(), T0).card.id == "gens/lazy"  # type: ignore[union-attr]


def test_scope_restricts_to_a_section_or_topic(
    service: StudyService, tiny_catalog: Catalog
) -> None:
    upcoming = service.next_card(Scope(section="extras").validate(tiny_catalog), T0)
    assert upcoming is not None and upcoming.card.id == "misc/one"
    upcoming = service.next_card(Scope(topic="funcs").validate(tiny_catalog), T0)
    assert upcoming is not None and upcoming.card.id == "funcs/star"
    assert service.counts(Scope(topic="funcs"), T0).new == 2


@pytest.mark.parametrize(
    "scope,message",
    [
        (Scope(section="nope"), "unknown section 'nope'"),
        (Scope(topic="nope"), "unknown topic 'nope'"),
    ],
)
def test_unknown_scope_is_a_clear_error(tiny_catalog: Catalog, scope: Scope, message: str) -> None:
    with pytest.raises(ScopeError, match=message):
        scope.validate(tiny_catalog)


def test_cards_removed_from_content_keep_history_but_are_not_shown(
    tiny_catalog: Catalog, db: Database
) -> None:
    with db.session() as session:
        session.add(
            CardState(
                user_id=db.local_user_id(),
                card_id="gone/card",
                state=2,
                due=T0 - timedelta(days=1),
                introduced_at=T0 - timedelta(days=5),
                reps=1,
                lapses=0,
            )
        )
    service = StudyService(tiny_catalog, db, db.local_user_id(), tz=UTC)
    upcoming = service.next_card(Scope(), T0)
    assert upcoming is not None and upcoming.card.id != "gone/card"


def test_recording_an_unknown_card_or_naive_time_is_refused(service: StudyService) -> None:
    with pytest.raises(KeyError):
        service.record("nope/card", 3, T0)
    with pytest.raises(ValueError, match="timezone-aware"):
        service.record("gens/lazy", 3, T0.replace(tzinfo=None))


def test_desired_retention_setting_changes_the_interval(
    service: StudyService, db: Database
) -> None:
    user = db.local_user_id()
    for card in ("misc/one", "misc/two"):
        service.record(card, int(Rating.Good), T0)
        service.record(card, int(Rating.Good), T0 + timedelta(minutes=10))
    save_settings(db, user, Settings(desired_retention=0.97))
    strict = service.record("misc/one", int(Rating.Good), T0 + timedelta(days=3))
    save_settings(db, user, Settings(desired_retention=0.8))
    relaxed = service.record("misc/two", int(Rating.Good), T0 + timedelta(days=3))
    assert relaxed.due - strict.due > timedelta(days=2)


def _add_state(db: Database, user_id: int, card_id: str, due: datetime) -> None:
    """A state written behind the service's back, as another version of the content left it."""
    with db.session() as session:
        session.add(
            CardState(
                user_id=user_id,
                card_id=card_id,
                state=2,
                due=due,
                introduced_at=due - timedelta(days=5),
                reps=1,
                lapses=0,
            )
        )


def _other_user(db: Database, name: str) -> int:
    with db.session() as session:
        user = User(username=name, created_at=T0)
        session.add(user)
        session.flush()
        return user.id


def test_due_count_leaves_out_removed_cards_and_drilled_questions(
    service: StudyService, db: Database
) -> None:
    user = db.local_user_id()
    _add_state(db, user, "gone/card", T0 - timedelta(days=3))  # the most overdue
    _add_state(db, user, "question:some-question", T0 - timedelta(days=2))
    service.record("misc/two", int(Rating.Good), T0 - timedelta(days=9))
    upcoming, counts = service.queue(Scope(), T0)
    assert upcoming is not None and upcoming.card.id == "misc/two"
    assert counts.due == 1


def test_most_overdue_card_of_the_scope_comes_first_when_others_are_more_overdue(
    service: StudyService, tiny_catalog: Catalog
) -> None:
    service.record("misc/one", int(Rating.Good), T0 - timedelta(days=12))  # section extras
    service.record("funcs/kw", int(Rating.Good), T0 - timedelta(days=10))
    service.record("funcs/star", int(Rating.Good), T0 - timedelta(days=11))
    scope = Scope(topic="funcs").validate(tiny_catalog)
    upcoming, counts = service.queue(scope, T0)
    assert upcoming is not None and upcoming.card.id == "funcs/star"
    assert counts.due == 2
    assert service.counts(Scope(), T0).due == 3


@pytest.mark.parametrize(
    "seen_by_user,seen_by_others,new",
    [
        (0, 0, 2),  # few states in the whole database: no need to count the user's
        (0, 7, 2),  # other users' states: the user's own are counted
        (7, 0, 1),  # one unseen card left: the cards seen are read
        (8, 0, 0),
    ],
)
def test_new_cards_available_today_whoever_has_states(
    tiny_catalog: Catalog, db: Database, seen_by_user: int, seen_by_others: int, new: int
) -> None:
    user = db.local_user_id()
    save_settings(db, user, Settings(new_cards_per_day=2))
    cards = [card.id for card in new_card_order(tiny_catalog)]
    later = T0 + timedelta(days=30)  # no state is due now, none was introduced today
    for card_id in cards[:seen_by_user]:
        _add_state(db, user, card_id, later)
    other = _other_user(db, "other")
    for card_id in cards[:seen_by_others]:
        _add_state(db, other, card_id, later)
    service = StudyService(tiny_catalog, db, user, tz=UTC)
    assert service.counts(Scope(), T0) == QueueCounts(due=0, new=new)
    upcoming = service.next_card(Scope(), T0)
    expected = cards[seen_by_user] if new else None
    assert (upcoming.card.id if upcoming else None) == expected
