import pytest

from settings import Settings, SettingsError, load_settings

URL = "postgresql://app@db/app"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Every test starts from only the required variable, whatever the machine has set."""
    for name in ("APP_DATABASE_URL", "APP_PORT", "APP_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("APP_DATABASE_URL", URL)
    return monkeypatch


def test_defaults(clean_environment: pytest.MonkeyPatch) -> None:
    assert load_settings() == Settings(URL, 8000, False)


@pytest.mark.parametrize("value", ["", "   "])
def test_the_database_url_is_required(clean_environment: pytest.MonkeyPatch, value: str) -> None:
    clean_environment.setenv("APP_DATABASE_URL", value)
    with pytest.raises(SettingsError, match="APP_DATABASE_URL"):
        load_settings()


def test_surrounding_spaces_are_ignored(clean_environment: pytest.MonkeyPatch) -> None:
    clean_environment.setenv("APP_DATABASE_URL", f"  {URL} ")
    clean_environment.setenv("APP_PORT", " 9000 ")
    assert load_settings() == Settings(URL, 9000, False)


@pytest.mark.parametrize("port", ["0", "65536", "http", "-1"])
def test_bad_ports_are_refused(clean_environment: pytest.MonkeyPatch, port: str) -> None:
    clean_environment.setenv("APP_PORT", port)
    with pytest.raises(SettingsError, match="APP_PORT"):
        load_settings()


@pytest.mark.parametrize("port", ["1", "65535"])
def test_edge_ports_are_fine(clean_environment: pytest.MonkeyPatch, port: str) -> None:
    clean_environment.setenv("APP_PORT", port)
    assert load_settings().port == int(port)


@pytest.mark.parametrize(
    ("value", "debug"),
    [("1", True), ("TRUE", True), (" on ", True), ("0", False), ("False", False), ("off", False)],
)
def test_debug_words(clean_environment: pytest.MonkeyPatch, value: str, debug: bool) -> None:
    clean_environment.setenv("APP_DEBUG", value)
    assert load_settings().debug is debug


def test_an_unknown_debug_word_is_an_error(clean_environment: pytest.MonkeyPatch) -> None:
    clean_environment.setenv("APP_DEBUG", "maybe")
    with pytest.raises(SettingsError, match="APP_DEBUG"):
        load_settings()
