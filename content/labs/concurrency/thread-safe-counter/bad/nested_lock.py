import threading
from collections.abc import Callable


class Counter:
    def __init__(self, yield_point: Callable[[], None] = lambda: None) -> None:
        self._value = 0
        self._lock = threading.Lock()
        self._yield_point = yield_point

    def _store(self, value: int) -> None:
        with self._lock:
            self._value = value

    def increment(self, amount: int = 1) -> int:
        with self._lock:
            current = self._value
            self._yield_point()
            self._store(current + amount)
            return self._value

    @property
    def value(self) -> int:
        with self._lock:
            return self._value

    def reset(self) -> int:
        with self._lock:
            previous = self._value
            self._yield_point()
            self._store(0)
            return previous
