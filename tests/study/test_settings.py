"""Settings are validated before anything is written."""

from __future__ import annotations

from datetime import date

import pytest

from prep.store.database import Database
from prep.study.settings import Settings, SettingsError, load_settings, parse_setting, save_settings


def test_defaults_exist_for_the_local_user(db: Database) -> None:
    assert load_settings(db, db.local_user_id()) == Settings(0.9, 20, None)


@pytest.mark.parametrize(
    "name,raw,expected",
    [
        ("desired-retention", "0.85", Settings(desired_retention=0.85)),
        ("new-cards-per-day", " 35 ", Settings(new_cards_per_day=35)),
        ("interview-date", "2026-12-15", Settings(interview_date=date(2026, 12, 15))),
        ("interview-date", "none", Settings()),
    ],
)
def test_valid_values_are_parsed(name: str, raw: str, expected: Settings) -> None:
    assert (
        parse_setting(
            Settings(interview_date=date(2027, 1, 1)) if raw == "none" else Settings(), name, raw
        )
        == expected
    )


@pytest.mark.parametrize(
    "name,raw,message",
    [
        ("desired-retention", "1.5", "between 0.7 and 0.99"),
        ("desired-retention", "high", "must be a number"),
        ("new-cards-per-day", "-1", "between 0 and 500"),
        ("new-cards-per-day", "2.5", "must be a number"),
        ("interview-date", "15/12/2026", "YYYY-MM-DD"),
        ("retention", "0.9", "unknown setting 'retention'"),
    ],
)
def test_invalid_values_are_refused_with_the_setting_named(
    name: str, raw: str, message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        parse_setting(Settings(), name, raw)


def test_saved_settings_are_read_back(db: Database) -> None:
    user = db.local_user_id()
    save_settings(db, user, Settings(0.8, 5, date(2026, 12, 1)))
    assert load_settings(db, user) == Settings(0.8, 5, date(2026, 12, 1))
