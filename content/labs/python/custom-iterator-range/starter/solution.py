from datetime import date, timedelta


class DateRange:
    """Dates from start (inclusive) to stop (exclusive), every `step`."""

    def __init__(self, start: date, stop: date, step: timedelta = timedelta(days=1)) -> None:
        raise NotImplementedError
