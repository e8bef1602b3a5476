"""Your tests for settings.load_settings. Use pytest's monkeypatch fixture for the environment."""

import pytest

from settings import load_settings


def test_reads_the_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_DATABASE_URL", "sqlite:///app.db")
    assert load_settings().database_url == "sqlite:///app.db"
