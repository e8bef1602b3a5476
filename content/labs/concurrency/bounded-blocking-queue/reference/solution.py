import threading
from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")


class BoundedQueue(Generic[T]):
    """A FIFO queue holding at most `capacity` items, safe to share between threads.

    Two conditions share one lock: producers wait on `_not_full`, consumers on `_not_empty`, so
    a put wakes exactly one consumer and a get exactly one producer. Every wait re-checks its
    predicate in a loop (`wait_for`), because being woken only means "look again": another
    thread may have taken the item first.
    """

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self._capacity = capacity
        self._items: deque[T] = deque()
        lock = threading.Lock()
        self._not_full = threading.Condition(lock)
        self._not_empty = threading.Condition(lock)

    def put(self, item: T, timeout: float | None = None) -> None:
        with self._not_full:
            # wait_for keeps one deadline across wakeups, so `timeout` bounds the whole wait.
            if not self._not_full.wait_for(self._has_room, timeout):
                raise TimeoutError(f"the queue stayed full for {timeout} s")
            self._items.append(item)
            self._not_empty.notify()

    def get(self, timeout: float | None = None) -> T:
        with self._not_empty:
            if not self._not_empty.wait_for(self._has_items, timeout):
                raise TimeoutError(f"the queue stayed empty for {timeout} s")
            item = self._items.popleft()
            self._not_full.notify()
            return item

    def __len__(self) -> int:
        with self._not_empty:
            return len(self._items)

    def _has_room(self) -> bool:
        return len(self._items) < self._capacity

    def _has_items(self) -> bool:
        return bool(self._items)
