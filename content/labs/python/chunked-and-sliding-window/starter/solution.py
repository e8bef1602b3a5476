from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def chunked(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    """Consecutive tuples of n items; the last one may be shorter."""
    raise NotImplementedError


def sliding_window(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    """Every run of n consecutive items, as tuples."""
    raise NotImplementedError
