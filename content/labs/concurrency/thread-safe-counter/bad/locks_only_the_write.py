import threading
from collections.abc import Callable


class Counter:
    def __init__(self, yield_point: Callable[[], None] = lambda: None) -> None:
        self._value = 0
        self._lock = threading.Lock()
        self._yield_point = yield_point

    def increment(self, amount: int = 1) -> int:
        current = self._value
        self._yield_point()
        with self._lock:
            self._value = current + amount
            return self._value

    @property
    def value(self) -> int:
        return self._value

    def reset(self) -> int:
        previous = self._value
        self._yield_point()
        with self._lock:
            self._value = 0
        return previous
