from collections.abc import Mapping
from typing import Any, Protocol

from flask import Flask


class Connection(Protocol):
    def insert(self, name: str) -> None: ...
    def select(self) -> list[str]: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


def get_db() -> Connection:
    """The connection of the current app context, opened on first use."""
    raise NotImplementedError


def close_db(exc: BaseException | None) -> None:
    """Teardown: commit if the context ended cleanly, roll back if not; always close."""
    raise NotImplementedError


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    raise NotImplementedError
