from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class IdentityMap(Generic[K, V]):
    def __init__(self, loader: Callable[[K], V]) -> None:
        self._loader = loader
        self._objects: dict[K, V] = {}

    def get(self, key: K) -> V:
        if key not in self._objects:
            self._objects[key] = self._loader(key)
        return self._objects[key]

    def keys(self) -> list[K]:
        return list(self._objects)

    def __len__(self) -> int:
        return len(self._objects)

    def __contains__(self, key: object) -> bool:
        return key in self._objects
