import pytest

from lru import LRUCache


def test_put_get():
    cache = LRUCache(2)
    cache.put("a", 1)
    assert cache.get("a") == 1


def test_eviction():
    cache = LRUCache(2)
    for key in "abc":
        cache.put(key, 0)
    assert "a" not in cache and "c" in cache


def test_missing():
    assert LRUCache(1).get("x") is None


def test_bad_capacity():
    with pytest.raises(ValueError):
        LRUCache(-5)


def test_len():
    cache = LRUCache(3)
    cache.put("a", 1)
    cache.put("b", 2)
    assert len(cache) == 2
