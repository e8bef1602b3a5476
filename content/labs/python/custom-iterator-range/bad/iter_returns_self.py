from datetime import date, datetime, timedelta


class DateRange:
    def __init__(self, start: date, stop: date, step: timedelta = timedelta(days=1)) -> None:
        if step <= timedelta(0) or step != timedelta(days=step.days):
            raise ValueError(f"step must be a positive whole number of days, got {step!r}")
        self.start, self.stop, self.step = start, stop, step
        span = (stop - start).days
        self._length = max(0, -(-span // step.days))
        self._current = start

    def __iter__(self) -> "DateRange":
        return self

    def __next__(self) -> date:
        if self._current >= self.stop:
            raise StopIteration
        value = self._current
        self._current += self.step
        return value

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> date:
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("DateRange index out of range")
        return self.start + index * self.step

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, date) or isinstance(value, datetime):
            return False
        offset = (value - self.start).days
        return 0 <= offset < self._length * self.step.days and offset % self.step.days == 0
