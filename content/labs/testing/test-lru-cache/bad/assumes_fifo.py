from lru import LRUCache


def test_reading_does_not_change_the_order():
    # Wrong model of an LRU cache: expects first-in-first-out eviction even after a read.
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")
    cache.put("c", 3)
    assert "a" not in cache


def test_size():
    cache = LRUCache(3)
    cache.put("a", 1)
    assert len(cache) == 1


def test_get():
    cache = LRUCache(3)
    cache.put("a", 1)
    assert cache.get("a") == 1
