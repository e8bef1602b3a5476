import threading
from collections.abc import Iterator
from contextlib import contextmanager


class RWLock:
    """Safe, simple... and readers queue up behind each other."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._readers = 0
        self._writing = False

    def acquire_read(self) -> None:
        self._lock.acquire()
        self._readers += 1

    def release_read(self) -> None:
        if self._readers == 0:
            raise RuntimeError("release_read() without acquire_read()")
        self._readers -= 1
        self._lock.release()

    def acquire_write(self) -> None:
        self._lock.acquire()
        self._writing = True

    def release_write(self) -> None:
        if not self._writing:
            raise RuntimeError("release_write() without acquire_write()")
        self._writing = False
        self._lock.release()

    @contextmanager
    def read_locked(self) -> Iterator[None]:
        self.acquire_read()
        try:
            yield
        finally:
            self.release_read()

    @contextmanager
    def write_locked(self) -> Iterator[None]:
        self.acquire_write()
        try:
            yield
        finally:
            self.release_write()
