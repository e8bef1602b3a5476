import os

from settings import load_settings


def test_debug_on():
    # Sets the real environment and never restores it: later tests inherit APP_DEBUG=1.
    os.environ["APP_DATABASE_URL"] = "postgresql://db/app"
    os.environ["APP_DEBUG"] = "1"
    assert load_settings().debug is True


def test_default_debug_is_off():
    os.environ["APP_DATABASE_URL"] = "postgresql://db/app"
    assert load_settings().debug is False


def test_default_port():
    os.environ["APP_DATABASE_URL"] = "postgresql://db/app"
    assert load_settings().port == 8000


def test_url():
    os.environ["APP_DATABASE_URL"] = "postgresql://db/app"
    assert load_settings().database_url == "postgresql://db/app"
