import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class IdentityMap(Generic[K, V]):
    def __init__(self, loader: Callable[[K], V]) -> None:
        self._loader = loader
        self._refs: dict[K, weakref.ref[V]] = {}  # type: ignore[type-var]

    def get(self, key: K) -> V:
        ref = self._refs.get(key)
        obj = ref() if ref is not None else None
        if obj is None:
            obj = self._loader(key)
            self._refs[key] = weakref.ref(obj)  # type: ignore[type-var]
        return obj

    def keys(self) -> list[K]:
        return list(self._refs)

    def __len__(self) -> int:
        return len(self._refs)

    def __contains__(self, key: object) -> bool:
        return key in self._refs
