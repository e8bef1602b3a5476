from collections.abc import Callable
from typing import Any


class ConnectionPool:
    def __init__(self, factory: Callable[[], Any], max_size: int, timeout: float = 5.0) -> None:
        raise NotImplementedError

    def acquire(self, timeout: float | None = None) -> Any:
        raise NotImplementedError

    def release(self, conn: Any) -> None:
        raise NotImplementedError

    def connection(self, timeout: float | None = None):
        """A context manager: `with pool.connection() as conn: ...`."""
        raise NotImplementedError
