"""What a candidate has learned: mastery per topic, reviews per day, retention, what falls due.

Mastery is the mean FSRS retrievability of the topic's seen cards at a given moment: the
predicted chance of recalling them now. Unseen cards are reported separately rather than counted
as zero, so "how well do I know what I studied" and "how much is left" stay distinct.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from sqlalchemy import select

from prep.content.catalog import Catalog
from prep.store.database import Database
from prep.store.models import ReviewLog
from prep.store.queries import card_states
from prep.study.days import local_date, local_tz
from prep.study.scheduler import Rating, State, make_scheduler, retrievability
from prep.study.settings import load_settings

RETENTION_WINDOW_DAYS = 30


@dataclass(frozen=True)
class TopicProgress:
    topic_id: str
    cards: int
    seen: int
    due: int
    mastery: float | None  # None until a card of the topic was reviewed


@dataclass(frozen=True)
class DayCount:
    day: date
    reviews: int
    correct: int  # rated Hard, Good or Easy


@dataclass(frozen=True)
class ReviewStats:
    per_day: tuple[DayCount, ...]
    retention: float | None  # share of mature reviews (card was in Review state) not forgotten
    retention_reviews: int
    forecast: tuple[tuple[date, int], ...]  # cards due per day; overdue ones count today
    total_reviews: int
    streak_days: int


def topic_progress(
    catalog: Catalog, db: Database, user_id: int, now: datetime
) -> dict[str, TopicProgress]:
    scheduler = make_scheduler(load_settings(db, user_id).desired_retention)
    states = card_states(db, user_id)
    out = {}
    for topic_id in catalog.topics:
        cards = catalog.cards_for(topic_id)
        rows = [states[c.id] for c in cards if c.id in states]
        mastery = sum(retrievability(scheduler, r, now) for r in rows) / len(rows) if rows else None
        out[topic_id] = TopicProgress(
            topic_id, len(cards), len(rows), sum(r.due <= now for r in rows), mastery
        )
    return out


def review_stats(
    catalog: Catalog,
    db: Database,
    user_id: int,
    now: datetime,
    *,
    days: int = 14,
    forecast_days: int = 7,
    tz: tzinfo | None = None,
) -> ReviewStats:
    zone = local_tz(tz)
    today = local_date(now, zone)
    with db.session() as session:
        logs = session.execute(
            select(ReviewLog.reviewed_at, ReviewLog.rating, ReviewLog.state_before).where(
                ReviewLog.user_id == user_id
            )
        ).all()
    reviews: Counter[date] = Counter()
    correct: Counter[date] = Counter()
    mature = passed = 0
    window_start = now.astimezone(UTC) - timedelta(days=RETENTION_WINDOW_DAYS)
    for reviewed_at, rating, state_before in logs:
        day = local_date(reviewed_at, zone)
        reviews[day] += 1
        correct[day] += rating != Rating.Again
        if state_before == State.Review and reviewed_at >= window_start:
            mature += 1
            passed += rating != Rating.Again
    per_day = tuple(
        DayCount(d, reviews[d], correct[d])
        for d in (today - timedelta(days=i) for i in reversed(range(days)))
    )
    due_days: Counter[date] = Counter()
    for row in card_states(db, user_id).values():
        if row.card_id in catalog.cards:
            due_days[max(local_date(row.due, zone), today)] += 1
    forecast = tuple(
        (today + timedelta(days=i), due_days[today + timedelta(days=i)])
        for i in range(forecast_days)
    )
    return ReviewStats(
        per_day,
        passed / mature if mature else None,
        mature,
        forecast,
        len(logs),
        _streak(set(reviews), today),
    )


def _streak(days_with_reviews: set[date], today: date) -> int:
    """Consecutive days with reviews, ending today (or yesterday, if today has none yet)."""
    day = today if today in days_with_reviews else today - timedelta(days=1)
    streak = 0
    while day in days_with_reviews:
        streak += 1
        day -= timedelta(days=1)
    return streak
