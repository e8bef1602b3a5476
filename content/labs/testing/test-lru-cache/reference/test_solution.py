import pytest

from lru import LRUCache


@pytest.fixture
def full() -> LRUCache[str, int]:
    """A cache of capacity 2 holding a (older) and b (newer)."""
    cache: LRUCache[str, int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    return cache


def test_fills_to_capacity_without_evicting(full: LRUCache[str, int]) -> None:
    assert len(full) == 2 and "a" in full and "b" in full


def test_adding_past_capacity_evicts_the_least_recent(full: LRUCache[str, int]) -> None:
    full.put("c", 3)
    assert "a" not in full and full.get("b") == 2 and full.get("c") == 3


def test_get_makes_a_key_recent(full: LRUCache[str, int]) -> None:
    assert full.get("a") == 1
    full.put("c", 3)
    assert "a" in full and "b" not in full


def test_updating_a_key_makes_it_recent_and_keeps_the_size(full: LRUCache[str, int]) -> None:
    full.put("a", 10)
    assert len(full) == 2
    full.put("c", 3)
    assert full.get("a") == 10 and "b" not in full


def test_missing_keys_give_the_default(full: LRUCache[str, int]) -> None:
    assert full.get("zzz") is None
    assert full.get("zzz", -1) == -1


@pytest.mark.parametrize("capacity", [0, -1])
def test_capacity_below_one_is_refused(capacity: int) -> None:
    with pytest.raises(ValueError):
        LRUCache(capacity)
