from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class ConfigError(ValueError):
    """A config the factory cannot build; `field` is the path of the offending field."""

    def __init__(self, field: str, message: str) -> None:
        raise NotImplementedError


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
    sinks: tuple["FileSink | HttpSink | FanoutSink", ...]


def build_sink(config: Mapping[str, Any]) -> FileSink | HttpSink | FanoutSink:
    """Build the sink `config` describes, or raise ConfigError naming the bad field."""
    raise NotImplementedError
