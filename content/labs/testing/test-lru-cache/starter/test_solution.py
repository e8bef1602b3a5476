"""Your tests for lru.LRUCache. Run them with: pytest test_solution.py"""

from lru import LRUCache


def test_a_stored_value_can_be_read() -> None:
    cache: LRUCache[str, int] = LRUCache(2)
    cache.put("a", 1)
    assert cache.get("a") == 1
