import threading
import time
from collections import deque
from typing import Any


class BoundedQueue:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._items: deque[Any] = deque()
        self._lock = threading.Lock()

    def put(self, item: Any, timeout: float | None = None) -> None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                if len(self._items) < self._capacity:
                    self._items.append(item)
                    return
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError("queue full")

    def get(self, timeout: float | None = None) -> Any:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                if self._items:
                    return self._items.popleft()
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError("queue empty")

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
