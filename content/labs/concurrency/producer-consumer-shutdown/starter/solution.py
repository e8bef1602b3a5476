import threading
from collections.abc import Callable
from typing import Any


class WorkerPool:
    """`workers` threads taking items from a queue and passing each to `handle`."""

    def __init__(self, handle: Callable[[Any], object], workers: int, maxsize: int = 0) -> None:
        raise NotImplementedError

    @property
    def threads(self) -> list[threading.Thread]:
        """The worker threads."""
        raise NotImplementedError

    @property
    def errors(self) -> list[tuple[Any, Exception]]:
        """(item, exception) for every item whose handle() raised."""
        raise NotImplementedError

    def submit(self, item: Any) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Accept no more items, finish every submitted one, and wait for the workers to exit."""
        raise NotImplementedError

    def __enter__(self) -> "WorkerPool":
        raise NotImplementedError

    def __exit__(self, *exc_info: object) -> None:
        raise NotImplementedError
