"""Mastery, reviews per day, retention, streak and forecast, computed from a real database."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from prep.content.catalog import Catalog
from prep.store.database import Database
from prep.store.queries import card_states
from prep.study.progress import review_stats, topic_progress
from prep.study.session import StudyService

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_mastery_is_the_mean_fsrs_retrievability_of_seen_cards(
    tiny_catalog: Catalog, db: Database
) -> None:
    random.seed(5)
    service = StudyService(tiny_catalog, db, db.local_user_id(), tz=UTC)
    scheduler = Scheduler()
    direct = []
    for card_id, rating in (("gens/lazy", Rating.Good), ("gens/pick", Rating.Again)):
        service.record(card_id, int(rating), T0)
        direct.append(scheduler.review_card(FsrsCard(card_id=0), rating, review_datetime=T0)[0])
    later = T0 + timedelta(days=2)
    progress = topic_progress(tiny_catalog, db, db.local_user_id(), later)
    expected = sum(scheduler.get_card_retrievability(c, later) for c in direct) / 2
    gens = progress["gens"]
    assert (gens.cards, gens.seen, gens.due) == (4, 2, 2)
    assert gens.mastery is not None and abs(gens.mastery - expected) < 1e-12
    assert progress["misc"].mastery is None and progress["misc"].seen == 0


def test_review_stats_count_days_retention_streak_and_forecast(
    tiny_catalog: Catalog, db: Database
) -> None:
    random.seed(5)
    user = db.local_user_id()
    service = StudyService(tiny_catalog, db, user, tz=UTC)
    # Three consecutive days of reviews ending today; one mature review forgotten, one kept.
    for card in ("misc/one", "misc/two"):
        service.record(card, int(Rating.Good), T0 - timedelta(days=2))
        service.record(card, int(Rating.Good), T0 - timedelta(days=2, minutes=-10))
    service.record("misc/one", int(Rating.Again), T0 - timedelta(days=1))
    service.record("misc/two", int(Rating.Good), T0)
    stats = review_stats(tiny_catalog, db, user, T0, days=3, tz=UTC)
    assert [(d.day, d.reviews, d.correct) for d in stats.per_day] == [
        (date(2026, 2, 28), 4, 4),
        (date(2026, 3, 1), 1, 0),
        (date(2026, 3, 2), 1, 1),
    ]
    assert stats.total_reviews == 6
    assert (stats.retention, stats.retention_reviews) == (0.5, 2)
    assert stats.streak_days == 3
    assert stats.forecast[0] == (date(2026, 3, 2), 1)  # misc/one relearning: due today
    dues = [max(row.due.date(), date(2026, 3, 2)) for row in card_states(db, user).values()]
    window = [date(2026, 3, 2) + timedelta(days=i) for i in range(7)]
    assert list(stats.forecast) == [(day, sum(d == day for d in dues)) for day in window]


def test_stats_of_a_new_user_are_empty(tiny_catalog: Catalog, db: Database) -> None:
    stats = review_stats(tiny_catalog, db, db.local_user_id(), T0, tz=UTC)
    assert stats.total_reviews == 0 and stats.retention is None and stats.streak_days == 0
    assert len(stats.forecast) == 7 and all(n == 0 for _, n in stats.forecast)
