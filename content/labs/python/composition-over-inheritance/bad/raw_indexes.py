from __future__ import annotations

import operator
from collections.abc import Iterable, MutableSequence
from typing import Any, TypeVar, overload

T = TypeVar("T")


class AuditedList(MutableSequence[T]):
    """A list that records every change; it wraps a list instead of inheriting from one.

    MutableSequence derives append, extend, pop, remove, clear, reverse and += from the five
    methods below, so every change passes through insert, __setitem__ or __delitem__, and
    those are the only places that write to the log.
    """

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items: list[T] = list(items)
        self.log: list[tuple[str, int, T]] = []

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self._items[index]

    def __setitem__(self, index: Any, value: Any) -> None:
        self._position(index)
        self._items[index] = value
        self.log.append(("set", index, value))

    def __delitem__(self, index: Any) -> None:
        self._position(index)
        value = self._items.pop(index)
        self.log.append(("delete", index, value))

    def insert(self, index: int, value: T) -> None:
        self._items.insert(index, value)
        self.log.append(("insert", index, value))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def _position(self, index: Any) -> int:
        """`index` as a position in range, the way list indexing reads it."""
        if isinstance(index, slice):
            raise TypeError("AuditedList does not support slice assignment or deletion")
        position = operator.index(index)
        size = len(self._items)
        if not -size <= position < size:
            raise IndexError("AuditedList index out of range")
        return position % size
