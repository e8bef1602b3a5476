from collections.abc import Callable, Mapping
from dataclasses import dataclass


class AppError(Exception):
    """The root of every error this service raises on purpose."""


# Define ConfigError, MissingSettingError, InvalidSettingError and StorageError here.


@dataclass(frozen=True)
class ServerConfig:
    host: str
    port: int
    workers: int


def read_setting(settings: Mapping[str, str], key: str) -> str:
    raise NotImplementedError


def read_int(settings: Mapping[str, str], key: str, *, low: int, high: int) -> int:
    raise NotImplementedError


def load_settings(path: str, opener: Callable[[str], str]) -> dict[str, str]:
    raise NotImplementedError


def validate_server(settings: Mapping[str, str]) -> ServerConfig:
    raise NotImplementedError


def config_problems(settings: Mapping[str, str]) -> dict[str, list[str]]:
    raise NotImplementedError
