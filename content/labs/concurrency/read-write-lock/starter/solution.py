from collections.abc import Iterator
from contextlib import contextmanager


class RWLock:
    """Many readers at once, or one writer alone; waiting writers go before new readers."""

    def __init__(self) -> None:
        raise NotImplementedError

    def acquire_read(self) -> None:
        raise NotImplementedError

    def release_read(self) -> None:
        raise NotImplementedError

    def acquire_write(self) -> None:
        raise NotImplementedError

    def release_write(self) -> None:
        raise NotImplementedError

    @contextmanager
    def read_locked(self) -> Iterator[None]:
        raise NotImplementedError

    @contextmanager
    def write_locked(self) -> Iterator[None]:
        raise NotImplementedError
