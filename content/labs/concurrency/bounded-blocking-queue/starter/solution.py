from typing import Any


class BoundedQueue:
    """A FIFO queue holding at most `capacity` items, safe to share between threads."""

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError

    def put(self, item: Any, timeout: float | None = None) -> None:
        """Append `item`, waiting while the queue is full; TimeoutError after `timeout` s."""
        raise NotImplementedError

    def get(self, timeout: float | None = None) -> Any:
        """Remove and return the oldest item, waiting while the queue is empty."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError
