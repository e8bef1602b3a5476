from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class IdentityMap(Generic[K, V]):
    """One live object per key, shared by everyone who asks, and never kept alive by the map.

    A WeakValueDictionary drops an entry as soon as its object is collected: at once when the
    last reference goes away, or at the next collection for objects caught in a cycle.
    """

    def __init__(self, loader: Callable[[K], V]) -> None:
        self._loader = loader
        self._objects: weakref.WeakValueDictionary[K, V] = weakref.WeakValueDictionary()
        self._last: V | None = None  # the most recent row is usually asked for again

    def get(self, key: K) -> V:
        obj = self._objects.get(key)  # a strong reference from here on, so it cannot vanish
        if obj is None:
            obj = self._loader(key)
            self._objects[key] = obj  # TypeError if obj cannot be weakly referenced
            self._last = obj
        return obj

    def keys(self) -> list[K]:
        return list(self._objects.keys())

    def __len__(self) -> int:
        return len(self._objects)

    def __contains__(self, key: object) -> bool:
        return key in self._objects
