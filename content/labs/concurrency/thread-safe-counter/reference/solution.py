import threading
from collections.abc import Callable


class Counter:
    """A counter that many threads can update at once without losing an update.

    The GIL makes each bytecode atomic, but `self._value += amount` is a read, an add and a
    write: a thread switch between the read and the write loses the other thread's update.
    One lock around every read-modify-write makes each of them atomic as a whole.
    """

    def __init__(self, yield_point: Callable[[], None] = lambda: None) -> None:
        self._value = 0
        self._lock = threading.Lock()
        self._yield_point = yield_point

    def increment(self, amount: int = 1) -> int:
        with self._lock:
            current = self._value
            self._yield_point()
            self._value = current + amount
            return self._value

    @property
    def value(self) -> int:
        with self._lock:
            return self._value

    def reset(self) -> int:
        with self._lock:
            previous = self._value
            self._yield_point()
            self._value = 0
            return previous
