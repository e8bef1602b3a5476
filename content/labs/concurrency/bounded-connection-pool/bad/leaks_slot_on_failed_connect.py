import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

C = TypeVar("C")


class ConnectionPool(Generic[C]):
    """At most `max_size` connections, created lazily by `factory` and lent to one borrower
    at a time; `acquire` waits (up to a timeout) for one to come back when all are lent.

    One condition guards the bookkeeping. The slow parts - connecting and closing - run
    outside it, so a thread that is connecting never holds up the threads returning or
    borrowing other connections: a slot is reserved under the lock before connecting, and
    given back if connecting fails.
    """

    def __init__(self, factory: Callable[[], C], max_size: int, timeout: float = 5.0) -> None:
        if max_size < 1:
            raise ValueError(f"max_size must be at least 1, got {max_size}")
        self._factory = factory
        self._max_size = max_size
        self._timeout = timeout
        self._idle: list[C] = []  # LIFO: the most recently used connection stays warm
        self._lent: dict[int, C] = {}  # by id(): connections need not be hashable
        self._open = 0  # connections that exist or are being created: the bound
        self._changed = threading.Condition()

    def acquire(self, timeout: float | None = None) -> C:
        """A connection for the caller alone; TimeoutError if none frees up in time."""
        wait = self._timeout if timeout is None else timeout
        with self._changed:
            if not self._changed.wait_for(self._can_lend, wait):
                raise TimeoutError(f"no connection free after {wait} s ({self._max_size} lent)")
            if self._idle:
                conn = self._idle.pop()
                self._lent[id(conn)] = conn
                return conn
            self._open += 1  # reserve the slot; connect outside the lock
        conn = self._factory()
        with self._changed:
            self._lent[id(conn)] = conn
        return conn

    def release(self, conn: C) -> None:
        """Give a connection back; a broken one is closed and its slot freed."""
        with self._changed:
            if self._lent.pop(id(conn), None) is None:
                raise ValueError("this connection is not lent by this pool (released twice?)")
            if not getattr(conn, "broken", False):
                self._idle.append(conn)
                self._changed.notify()
                return
        try:
            conn.close()  # type: ignore[attr-defined]
        finally:
            self._free_slot()  # only once it is closed: it counted against max_size until then

    @contextmanager
    def connection(self, timeout: float | None = None) -> Iterator[C]:
        """`with pool.connection() as conn:` - the connection goes back however the block ends."""
        conn = self.acquire(timeout)
        try:
            yield conn
        finally:
            self.release(conn)

    def _can_lend(self) -> bool:
        return bool(self._idle) or self._open < self._max_size

    def _free_slot(self) -> None:
        with self._changed:
            self._open -= 1
            self._changed.notify()
