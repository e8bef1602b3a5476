import pytest

from settings import SettingsError, load_settings


def test_url(monkeypatch):
    monkeypatch.setenv("APP_DATABASE_URL", "postgresql://db/app")
    assert load_settings().database_url == "postgresql://db/app"


def test_port(monkeypatch):
    monkeypatch.setenv("APP_DATABASE_URL", "postgresql://db/app")
    monkeypatch.setenv("APP_PORT", "9000")
    assert load_settings().port == 9000


def test_debug_on(monkeypatch):
    monkeypatch.setenv("APP_DATABASE_URL", "postgresql://db/app")
    monkeypatch.setenv("APP_DEBUG", "true")
    assert load_settings().debug is True


def test_missing_url(monkeypatch):
    monkeypatch.delenv("APP_DATABASE_URL", raising=False)
    with pytest.raises(SettingsError):
        load_settings()
