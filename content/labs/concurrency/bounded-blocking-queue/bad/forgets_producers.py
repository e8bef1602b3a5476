import threading
from collections import deque
from typing import Any


class BoundedQueue:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._items: deque[Any] = deque()
        lock = threading.Lock()
        self._not_full = threading.Condition(lock)
        self._not_empty = threading.Condition(lock)

    def put(self, item: Any, timeout: float | None = None) -> None:
        with self._not_full:
            if not self._not_full.wait_for(lambda: len(self._items) < self._capacity, timeout):
                raise TimeoutError("queue full")
            self._items.append(item)
            self._not_empty.notify()

    def get(self, timeout: float | None = None) -> Any:
        with self._not_empty:
            if not self._not_empty.wait_for(lambda: bool(self._items), timeout):
                raise TimeoutError("queue empty")
            return self._items.popleft()

    def __len__(self) -> int:
        with self._not_empty:
            return len(self._items)
