from collections.abc import Iterable
from typing import Any


class AuditedList(list):
    """Records changes by overriding the list methods that change it."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self.log: list[tuple[str, int, Any]] = []

    def append(self, value: Any) -> None:
        self.log.append(("insert", len(self), value))
        super().append(value)

    def insert(self, index: int, value: Any) -> None:
        size = len(self)
        position = max(0, size + index) if index < 0 else min(index, size)
        self.log.append(("insert", position, value))
        super().insert(index, value)

    def __setitem__(self, index: Any, value: Any) -> None:
        if isinstance(index, slice):
            raise TypeError("AuditedList does not support slice assignment")
        super().__setitem__(index, value)
        self.log.append(("set", index % len(self), value))

    def __delitem__(self, index: Any) -> None:
        if isinstance(index, slice):
            raise TypeError("AuditedList does not support slice deletion")
        position = index % len(self) if len(self) else index
        value = self[index]
        super().__delitem__(index)
        self.log.append(("delete", position, value))
