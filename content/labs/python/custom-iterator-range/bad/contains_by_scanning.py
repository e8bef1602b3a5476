from collections.abc import Iterator
from datetime import date, timedelta


class DateRange:
    """Dates from start (inclusive) to stop (exclusive), every `step`."""

    __slots__ = ("_days", "_length", "start", "step", "stop")

    def __init__(self, start: date, stop: date, step: timedelta = timedelta(days=1)) -> None:
        if step <= timedelta(0) or step != timedelta(days=step.days):
            raise ValueError(f"step must be a positive whole number of days, got {step!r}")
        self.start, self.stop, self.step = start, stop, step
        self._days = step.days
        span = (stop - start).days
        self._length = max(0, -(-span // self._days))  # ceiling division

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[date]:
        return (self.start + i * self.step for i in range(self._length))

    def __reversed__(self) -> Iterator[date]:
        return (self.start + i * self.step for i in reversed(range(self._length)))

    def __getitem__(self, index: int) -> date:
        if not isinstance(index, int):
            raise TypeError(f"DateRange indices must be integers, not {type(index).__name__}")
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("DateRange index out of range")
        return self.start + index * self.step

    def __contains__(self, value: object) -> bool:
        return any(day == value for day in self)

    def __repr__(self) -> str:
        return f"DateRange({self.start!r}, {self.stop!r}, {self.step!r})"
