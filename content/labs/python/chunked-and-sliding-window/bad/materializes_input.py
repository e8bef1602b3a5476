from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def _check_size(n: int) -> None:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")


def chunked(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    _check_size(n)
    items = list(iterable)
    return (tuple(items[i : i + n]) for i in range(0, len(items), n))


def sliding_window(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    _check_size(n)
    items = list(iterable)
    return (tuple(items[i : i + n]) for i in range(len(items) - n + 1))
