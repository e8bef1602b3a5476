from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class IdentityMap(Generic[K, V]):
    """One live object per key, shared by everyone who asks, never kept alive by the map."""

    def __init__(self, loader: Callable[[K], V]) -> None:
        raise NotImplementedError

    def get(self, key: K) -> V:
        raise NotImplementedError

    def keys(self) -> list[K]:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __contains__(self, key: object) -> bool:
        raise NotImplementedError
