class LRUCache:
    """A fixed-capacity cache that evicts the least recently used key."""

    def __init__(self, capacity: int):
        raise NotImplementedError

    def get(self, key: int) -> int:
        """Return the value for key (marking it used), or -1 if absent."""
        raise NotImplementedError

    def put(self, key: int, value: int) -> None:
        """Store value under key (marking it used), evicting the LRU key if a new key overflows."""
        raise NotImplementedError
