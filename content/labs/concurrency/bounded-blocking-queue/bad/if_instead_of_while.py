import threading
from collections import deque
from typing import Any


class BoundedQueue:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._items: deque[Any] = deque()
        self._cond = threading.Condition()

    def put(self, item: Any, timeout: float | None = None) -> None:
        with self._cond:
            if len(self._items) >= self._capacity:
                if not self._cond.wait(timeout):
                    raise TimeoutError("queue full")
            self._items.append(item)
            self._cond.notify_all()

    def get(self, timeout: float | None = None) -> Any:
        with self._cond:
            if not self._items:
                if not self._cond.wait(timeout):
                    raise TimeoutError("queue empty")
            item = self._items.popleft()
            self._cond.notify_all()
            return item

    def __len__(self) -> int:
        with self._cond:
            return len(self._items)
