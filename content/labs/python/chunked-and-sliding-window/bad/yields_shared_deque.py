from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def _check_size(n: int) -> None:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")


def chunked(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    """Consecutive tuples of n items; the last one may be shorter."""
    _check_size(n)  # here, not in the generator, so that the call itself raises
    return _chunks(iter(iterable), n)


def _chunks(iterator: Iterator[T], n: int) -> Iterator[tuple[T, ...]]:
    while chunk := tuple(islice(iterator, n)):
        yield chunk


def sliding_window(iterable: Iterable[T], n: int) -> Iterator[deque[T]]:
    """Every run of n consecutive items, as tuples."""
    _check_size(n)
    return _windows(iter(iterable), n)


def _windows(iterator: Iterator[T], n: int) -> Iterator[deque[T]]:
    window = deque(islice(iterator, n - 1), maxlen=n)
    for item in iterator:
        window.append(item)
        yield window
