import threading
from collections.abc import Iterator
from contextlib import contextmanager


class RWLock:
    """Many readers at once, or one writer alone; waiting writers go before new readers.

    One condition guards three counters. A reader may enter when no writer holds the lock and
    none is waiting (writer preference: a steady stream of readers cannot starve a writer). A
    writer may enter when nobody holds the lock. Whoever leaves last wakes everyone, and each
    woken thread re-checks its own rule.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    def acquire_read(self) -> None:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1

    def release_read(self) -> None:
        with self._cond:
            if self._readers == 0:
                raise RuntimeError("release_read() without a matching acquire_read()")
            self._readers -= 1
            if self._readers == 0:
                self._cond.notify_all()

    def acquire_write(self) -> None:
        with self._cond:
            self._writers_waiting += 1
            try:
                self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            except BaseException:
                self._writers_waiting -= 1
                self._cond.notify_all()  # readers held back for this writer may go now
                raise
            self._writers_waiting -= 1
            self._writing = True

    def release_write(self) -> None:
        with self._cond:
            if not self._writing:
                raise RuntimeError("release_write() without a matching acquire_write()")
            self._writing = False
            self._cond.notify_all()

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
