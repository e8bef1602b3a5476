"""A user's study settings, validated before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from prep.store.database import Database
from prep.store.models import UserSettings

_N = TypeVar("_N", int, float)

RETENTION_RANGE = (0.70, 0.99)
NEW_CARDS_RANGE = (0, 500)


class SettingsError(ValueError):
    """A setting value the user gave is invalid; the message names the setting."""


@dataclass(frozen=True)
class Settings:
    desired_retention: float = 0.9
    new_cards_per_day: int = 20
    interview_date: date | None = None


#: Names as the user types them, mapped to the dataclass field they set.
SETTING_NAMES = {
    "desired-retention": "desired_retention",
    "new-cards-per-day": "new_cards_per_day",
    "interview-date": "interview_date",
}


def load_settings(db: Database, user_id: int) -> Settings:
    with db.session() as session:
        row = session.get(UserSettings, user_id)
        if row is None:
            return Settings()
        return Settings(row.desired_retention, row.new_cards_per_day, row.interview_date)


def parse_setting(current: Settings, name: str, raw: str) -> Settings:
    """The settings with `name` set from the text `raw`, or SettingsError saying what is wrong."""
    field = SETTING_NAMES.get(name)
    if field is None:
        raise SettingsError(f"unknown setting {name!r}; known settings: {', '.join(SETTING_NAMES)}")
    if field == "desired_retention":
        low, high = RETENTION_RANGE
        value = _number(name, raw, float)
        if not low <= value <= high:
            raise SettingsError(
                f"{name} must be between {low} and {high} (for example 0.9), got {raw}"
            )
        return replace(current, desired_retention=value)
    if field == "new_cards_per_day":
        low_n, high_n = NEW_CARDS_RANGE
        count = _number(name, raw, int)
        if not low_n <= count <= high_n:
            raise SettingsError(f"{name} must be between {low_n} and {high_n}, got {raw}")
        return replace(current, new_cards_per_day=count)
    if raw.strip().lower() in {"", "none", "unset"}:
        return replace(current, interview_date=None)
    try:
        return replace(current, interview_date=date.fromisoformat(raw.strip()))
    except ValueError:
        raise SettingsError(
            f"{name} must be a date as YYYY-MM-DD (or 'none'), got {raw!r}"
        ) from None


def save_settings(db: Database, user_id: int, settings: Settings) -> None:
    with db.session() as session:
        row = session.get(UserSettings, user_id) or UserSettings(user_id=user_id)
        row.desired_retention = settings.desired_retention
        row.new_cards_per_day = settings.new_cards_per_day
        row.interview_date = settings.interview_date
        session.add(row)


def _number(name: str, raw: str, kind: type[_N]) -> _N:
    try:
        return kind(raw.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
