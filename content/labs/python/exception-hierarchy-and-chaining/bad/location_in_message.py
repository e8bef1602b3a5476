from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


class AppError(Exception):
    """The root of every error this service raises on purpose."""


class ConfigError(AppError):
    """The settings are wrong; an operator must fix them."""


class MissingSettingError(ConfigError):
    def __init__(self, key: str) -> None:
        super().__init__(f"setting {key!r} is not defined")
        self.key = key


class InvalidSettingError(ConfigError):
    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"setting {key!r} {reason}")
        self.key = key
        self.reason = reason


class StorageError(AppError):
    """The settings could not be read at all."""


@dataclass(frozen=True)
class ServerConfig:
    host: str
    port: int
    workers: int


def read_setting(settings: Mapping[str, str], key: str) -> str:
    try:
        return settings[key]
    except KeyError as exc:
        raise MissingSettingError(key) from exc


def read_int(settings: Mapping[str, str], key: str, *, low: int, high: int) -> int:
    text = read_setting(settings, key)
    try:
        value = int(text)
    except ValueError as exc:
        raise InvalidSettingError(key, f"is not an integer: {text!r}") from exc
    if not low <= value <= high:
        raise InvalidSettingError(key, f"must be between {low} and {high}, got {value}")
    return value


def load_settings(path: str, opener: Callable[[str], str]) -> dict[str, str]:
    try:
        text = opener(path)
    except OSError as exc:
        raise StorageError(f"cannot read settings from {path}") from exc
    settings: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            _parse_line(line, settings)
        except ConfigError as exc:
            raise ConfigError(f"{path}:{number}: {exc}") from exc
    return settings


def _parse_line(line: str, settings: dict[str, str]) -> None:
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return
    key, equals, value = stripped.partition("=")
    key = key.strip()
    if not equals or not key:
        raise ConfigError(f"expected key=value, got {stripped!r}")
    if key in settings:
        raise InvalidSettingError(key, "is defined twice")
    settings[key] = value.strip()


def validate_server(settings: Mapping[str, str]) -> ServerConfig:
    """Every problem at once, as an ExceptionGroup of ConfigErrors in field order."""
    errors: list[ConfigError] = []

    def attempt(read: Callable[[], T]) -> T | None:
        try:
            return read()
        except ConfigError as exc:
            errors.append(exc)
            return None

    host = attempt(lambda: _host(settings))
    port = attempt(lambda: read_int(settings, "port", low=1, high=65535))
    workers = attempt(
        lambda: read_int(settings, "workers", low=1, high=64) if "workers" in settings else 4
    )
    if errors:
        raise ExceptionGroup("invalid server settings", errors)
    assert host is not None and port is not None and workers is not None
    return ServerConfig(host, port, workers)


def _host(settings: Mapping[str, str]) -> str:
    host = read_setting(settings, "host")
    if not host:
        raise InvalidSettingError("host", "must not be empty")
    return host


def config_problems(settings: Mapping[str, str]) -> dict[str, list[str]]:
    """The keys that are missing and the keys that are invalid; other errors propagate."""
    missing: list[str] = []
    invalid: list[str] = []
    try:
        validate_server(settings)
    except* MissingSettingError as group:
        missing = [exc.key for exc in group.exceptions]  # type: ignore[union-attr]
    except* InvalidSettingError as group:
        invalid = [exc.key for exc in group.exceptions]  # type: ignore[union-attr]
    return {"missing": missing, "invalid": invalid}
