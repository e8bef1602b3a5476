"""FSRS scheduling via the `fsrs` package, and conversion between its Card and our stored state."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from prep.store.models import CardState

__all__ = ["NEW_STATE", "Rating", "State", "make_scheduler", "to_fsrs"]

#: `state_before` in the review log for a card seen for the first time.
NEW_STATE = 0


def make_scheduler(desired_retention: float, *, fuzz: bool = True) -> Scheduler:
    """The FSRS scheduler with default parameters (fitting per-user parameters needs torch)."""
    return Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)


class StoredState(Protocol):
    """What scheduling reads of a stored state: a CardState, or a row of card_states."""

    @property
    def state(self) -> int: ...
    @property
    def step(self) -> int | None: ...
    @property
    def stability(self) -> float | None: ...
    @property
    def difficulty(self) -> float | None: ...
    @property
    def due(self) -> datetime: ...
    @property
    def last_review(self) -> datetime | None: ...


def to_fsrs(row: StoredState | None) -> FsrsCard:
    """The fsrs Card for a stored state, or a fresh card when it was never reviewed."""
    if row is None:
        return FsrsCard(card_id=0)
    return FsrsCard(
        card_id=0,
        state=State(row.state),
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
    )


def retrievability(scheduler: Scheduler, row: CardState, when: datetime) -> float:
    """Predicted probability of recalling the card at `when` (FSRS's forgetting curve)."""
    return float(scheduler.get_card_retrievability(to_fsrs(row), when))
