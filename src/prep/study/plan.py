"""A day-by-day plan to the interview date, and how much will be remembered on that day.

The plan is a simulation with the same FSRS scheduler the reviews use (fuzzing off, so it is
repeatable):

- Every day, the cards falling due are reviewed first; the plan assumes each review is answered
  correctly ("Good"), the usual assumption of spaced-repetition forecasts.
- The rest of the daily time budget introduces new cards. Each new card counts its learning steps
  (two "Good" answers ten minutes apart), and the daily count never exceeds the larger of the
  user's new-cards-per-day setting and the pace that covers every unseen card by the date.
- New cards come first-card-of-each-high-priority-topic first, then in the usual stride order, so
  every topic the seed marks High Priority is met before the interview even when the time budget
  cannot cover everything.

The forecast is FSRS retrievability at 09:00 local time on the interview day, averaged per
section over all its cards, with cards never studied counting 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State
from sqlalchemy import select

from prep.content.catalog import PRIORITY_WEIGHT, Card, Catalog
from prep.store.database import Database
from prep.store.models import ReviewLog
from prep.store.queries import card_states
from prep.study.days import local_date, local_tz
from prep.study.ordering import new_card_order
from prep.study.scheduler import make_scheduler, to_fsrs
from prep.study.settings import load_settings

REVIEW_SECONDS = 12.0  # a review, when the user's own history is too short to measure
NEW_CARD_SECONDS = 40.0  # a new card: reading it, answering, and its learning step
INTERVIEW_HOUR = 9
STUDY_HOUR = 18  # when the simulated day's reviews happen
MIN_TIMED_REVIEWS = 50
MAX_DAYS = 366  # beyond a year a day-by-day plan means nothing (and costs a lot to simulate)


class PlanError(ValueError):
    """The plan cannot be made with these inputs; the message says what to change."""


@dataclass(frozen=True)
class PlanDay:
    day: date
    reviews: int
    new_cards: int
    minutes: float
    new_topics: tuple[str, ...]


@dataclass(frozen=True)
class SectionForecast:
    section_id: str
    title: str
    priority: str
    cards: int
    recall_now: float
    recall_if_you_stop: float  # on the day, with no more study
    recall_with_plan: float  # on the day, following the plan


@dataclass(frozen=True)
class StudyPlan:
    today: date
    interview: date
    interview_moment: datetime
    minutes_per_day: float
    review_seconds: float
    new_card_seconds: float
    days: tuple[PlanDay, ...]
    forecast: tuple[SectionForecast, ...]
    unseen_left: int  # cards still never studied on the interview day
    high_priority_topics_missed: tuple[str, ...]

    @property
    def overall_with_plan(self) -> float:
        return _weighted(self.forecast, lambda s: s.recall_with_plan)

    @property
    def overall_if_you_stop(self) -> float:
        return _weighted(self.forecast, lambda s: s.recall_if_you_stop)

    @property
    def overall_now(self) -> float:
        return _weighted(self.forecast, lambda s: s.recall_now)


def make_plan(
    catalog: Catalog,
    db: Database,
    user_id: int,
    now: datetime,
    interview: date,
    *,
    minutes_per_day: float = 45.0,
    tz: tzinfo | None = None,
) -> StudyPlan:
    zone = local_tz(tz)
    today = local_date(now, zone)
    if interview <= today:
        raise PlanError(f"the interview date {interview} must be after today ({today})")
    if (interview - today).days > MAX_DAYS:
        raise PlanError(f"the interview date {interview} is more than a year away; plan nearer")
    if not 0 <= minutes_per_day <= 24 * 60:
        raise PlanError("minutes per day must be between 0 and 1440")
    settings = load_settings(db, user_id)
    scheduler = make_scheduler(settings.desired_retention, fuzz=False)
    stored = {k: v for k, v in card_states(db, user_id).items() if k in catalog.cards}
    current = {card_id: to_fsrs(row) for card_id, row in stored.items()}
    simulated = dict(current)
    review_s = _measured_review_seconds(db, user_id)
    moment = datetime.combine(interview, time(INTERVIEW_HOUR), zone).astimezone(UTC)

    queue = _introduction_order(catalog, set(stored))
    study_days = [today + timedelta(days=i) for i in range((interview - today).days)]
    budget_s = minutes_per_day * 60
    days = []
    introduced_topics = {catalog.cards[c].topic_id for c in stored}
    for index, day in enumerate(study_days):
        at = datetime.combine(day, time(STUDY_HOUR), zone).astimezone(UTC)
        end_of_day = datetime.combine(day + timedelta(days=1), time.min, zone).astimezone(UTC)
        reviews = _review_due(scheduler, simulated, at, end_of_day)
        left_s = budget_s - reviews * review_s
        days_left = len(study_days) - index
        pace = math.ceil(len(queue) / days_left) if queue else 0
        cap = max(settings.new_cards_per_day, pace)
        fit = max(0, int(left_s // NEW_CARD_SECONDS))
        count = min(fit, cap, len(queue))
        fresh, queue = queue[:count], queue[count:]
        topics = []
        for card in fresh:
            simulated[card.id] = _learn(scheduler, at)
            if card.topic_id not in introduced_topics:
                introduced_topics.add(card.topic_id)
                topics.append(card.topic_id)
        minutes = (reviews * review_s + count * NEW_CARD_SECONDS) / 60
        days.append(PlanDay(day, reviews, count, round(minutes, 1), tuple(topics)))

    forecast = tuple(
        _section_forecast(catalog, section.id, scheduler, current, simulated, now, moment)
        for section in catalog.sections
    )
    missed = tuple(
        t.id
        for s in catalog.sections
        if s.priority == "high"
        for t in catalog.topics_in(s.id)
        if catalog.cards_for(t.id) and t.id not in introduced_topics
    )
    return StudyPlan(
        today,
        interview,
        moment,
        minutes_per_day,
        review_s,
        NEW_CARD_SECONDS,
        tuple(days),
        forecast,
        len(queue),
        missed,
    )


def plan_document(plan: StudyPlan) -> dict[str, object]:
    """The plan as plain data (`prep plan --json`, the API), with its derived overall figures."""
    return asdict(plan) | {
        "overall_now": plan.overall_now,
        "overall_if_you_stop": plan.overall_if_you_stop,
        "overall_with_plan": plan.overall_with_plan,
    }


def recall_on(scheduler: Scheduler, card: FsrsCard | None, when: datetime) -> float:
    """FSRS retrievability at `when`; a card never studied is not remembered (0)."""
    if card is None or card.last_review is None:
        return 0.0
    return float(scheduler.get_card_retrievability(card, when))


def _introduction_order(catalog: Catalog, seen: set[str]) -> list[Card]:
    """Unseen cards: the first card of each unmet high-priority topic, then stride order."""
    order = [c for c in new_card_order(catalog) if c.id not in seen]
    met = {catalog.cards[c].topic_id for c in seen}
    first: dict[str, Card] = {}
    for card in order:
        topic = catalog.topics[card.topic_id]
        if topic.priority == "high" and topic.id not in met and topic.id not in first:
            first[topic.id] = card
    leaders = list(first.values())
    chosen = {c.id for c in leaders}
    return leaders + [c for c in order if c.id not in chosen]


def _learn(scheduler: Scheduler, at: datetime) -> FsrsCard:
    card = FsrsCard(card_id=0)
    card, _ = scheduler.review_card(card, Rating.Good, review_datetime=at)
    while card.state == State.Learning:  # the learning steps, answered correctly
        card, _ = scheduler.review_card(card, Rating.Good, review_datetime=card.due)
    return card


def _review_due(
    scheduler: Scheduler, cards: dict[str, FsrsCard], at: datetime, end_of_day: datetime
) -> int:
    reviews = 0
    for card_id, card in cards.items():
        moment = max(at, card.due) if card.due < end_of_day else None
        while moment is not None:
            card, _ = scheduler.review_card(card, Rating.Good, review_datetime=moment)
            reviews += 1
            moment = card.due if card.due < end_of_day else None
        cards[card_id] = card
    return reviews


def _section_forecast(
    catalog: Catalog,
    section_id: str,
    scheduler: Scheduler,
    current: dict[str, FsrsCard],
    simulated: dict[str, FsrsCard],
    now: datetime,
    moment: datetime,
) -> SectionForecast:
    section = catalog.section(section_id)
    ids = [c.id for t in section.topic_ids for c in catalog.cards_for(t)]

    def mean(values: Iterable[float]) -> float:
        found = list(values)
        return sum(found) / len(found) if found else 0.0

    return SectionForecast(
        section.id,
        section.title,
        section.priority,
        len(ids),
        mean(recall_on(scheduler, current.get(i), now) for i in ids),
        mean(recall_on(scheduler, current.get(i), moment) for i in ids),
        mean(recall_on(scheduler, simulated.get(i), moment) for i in ids),
    )


def _measured_review_seconds(db: Database, user_id: int) -> float:
    """The median time of the user's own recent reviews, once there are enough of them."""
    with db.session() as session:
        durations = [
            d
            for d in session.scalars(
                select(ReviewLog.duration_ms)
                .where(ReviewLog.user_id == user_id, ReviewLog.duration_ms.is_not(None))
                .order_by(ReviewLog.id.desc())
                .limit(500)
            )
            if d is not None and 0 < d <= 300_000
        ]
    if len(durations) < MIN_TIMED_REVIEWS:
        return REVIEW_SECONDS
    durations.sort()
    return durations[len(durations) // 2] / 1000


def _weighted(
    sections: tuple[SectionForecast, ...], value: Callable[[SectionForecast], float]
) -> float:
    weights = [(PRIORITY_WEIGHT[s.priority], value(s)) for s in sections if s.cards]
    total = sum(w for w, _ in weights)
    return sum(w * v for w, v in weights) / total if total else 0.0
