from collections.abc import Iterable, MutableSequence
from typing import TypeVar

T = TypeVar("T")


# The class you are replacing. It looks right, but list's C methods do not call each other:
# extend, +=, slice assignment and pop change the list without passing through the
# overridden methods, so those changes never reach the log.
#
# class AuditedList(list):
#     def __init__(self, items=()):
#         super().__init__(items)
#         self.log = []
#
#     def append(self, value):
#         self.log.append(("insert", len(self), value))
#         super().append(value)


class AuditedList(MutableSequence[T]):
    def __init__(self, items: Iterable[T] = ()) -> None:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __getitem__(self, index):
        raise NotImplementedError

    def __setitem__(self, index, value) -> None:
        raise NotImplementedError

    def __delitem__(self, index) -> None:
        raise NotImplementedError

    def insert(self, index: int, value: T) -> None:
        raise NotImplementedError
