from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field
from typing import Any


class ConfigError(ValueError):
    """A config the factory cannot build, naming the offending field by its path."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class FileSink:
    path: str
    rotate_mb: int = 10


@dataclass(frozen=True)
class HttpSink:
    url: str
    timeout_s: float = 5.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FanoutSink:
    sinks: tuple[Sink, ...]


Sink = FileSink | HttpSink | FanoutSink
#: Checks and converts one field's value, given the field's path for error messages.
Parser = Callable[[Any, str], Any]


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _text(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(path, "must be a non-empty string")
    return value


def _url(value: Any, path: str) -> str:
    if not _text(value, path).startswith(("http://", "https://")):
        raise ConfigError(path, "must start with http:// or https://")
    return value


def _positive_int(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(path, "must be a positive integer")
    return value


def _positive_number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(path, "must be a positive number")
    return float(value)


def _headers(value: Any, path: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ConfigError(path, "must be a mapping of header names to values")
    for name, text in value.items():
        if not isinstance(name, str) or not isinstance(text, str):
            raise ConfigError(_join(path, str(name)), "header names and values must be strings")
    return dict(value)


def _sinks(value: Any, path: str) -> tuple[Sink, ...]:
    if not isinstance(value, list) or not value:
        raise ConfigError(path, "must be a non-empty list of sink configs")
    return tuple(build_sink(item) for item in value)


#: type name -> (class, {field: parser}); the fields a class leaves out of the config take
#: the dataclass's defaults, so "required" means "has no default".
_SCHEMAS: dict[str, tuple[type[Any], dict[str, Parser]]] = {
    "file": (FileSink, {"path": _text, "rotate_mb": _positive_int}),
    "http": (HttpSink, {"url": _url, "timeout_s": _positive_number, "headers": _headers}),
    "fanout": (FanoutSink, {"sinks": _sinks}),
}


def build_sink(config: Mapping[str, Any]) -> Sink:
    """Build the sink `config` describes; ConfigError names the first bad field."""
    return _build(config, "")


def _build(config: Any, path: str) -> Sink:
    if not isinstance(config, Mapping):
        raise ConfigError(path, "must be a mapping")
    type_path = _join(path, "type")
    if "type" not in config:
        raise ConfigError(type_path, "is missing")
    kind = config["type"]
    if not isinstance(kind, str) or kind not in _SCHEMAS:
        raise ConfigError(type_path, f"unknown sink type {kind!r} (known: {', '.join(_SCHEMAS)})")
    cls, parsers = _SCHEMAS[kind]
    unknown = sorted(str(key) for key in config if key != "type" and key not in parsers)
    if unknown:
        raise ConfigError(_join(path, unknown[0]), f"is not a field of a {kind} sink")
    required = {
        name
        for name, f in cls.__dataclass_fields__.items()
        if f.default is MISSING and f.default_factory is MISSING
    }
    values = {}
    for name, parse in parsers.items():
        if name in config:
            values[name] = parse(config[name], _join(path, name))
        elif name in required:
            raise ConfigError(_join(path, name), "is required")
    return cls(**values)  # type: ignore[no-any-return]
