import time
from collections.abc import Callable, Sequence
from typing import Any


def log_event(level: str, message: str, *, timestamp: float, **fields: Any) -> str:
    """One structured log line (a single-line JSON object)."""
    raise NotImplementedError


def timed(
    operation: str,
    *,
    namespace: str,
    service: str,
    emit: Callable[[str], None] = print,
    clock: Callable[[], float] = time.perf_counter,
    now: Callable[[], float] = time.time,
):
    """Decorator: time each call and emit one Embedded Metric Format line."""
    raise NotImplementedError


def alarm_state(
    datapoints: Sequence[float | None],
    *,
    threshold: float,
    comparison: str,
    evaluation_periods: int,
    datapoints_to_alarm: int,
    treat_missing_data: str = "missing",
    current_state: str = "INSUFFICIENT_DATA",
) -> str:
    """The state a metric alarm goes to for this evaluation range (oldest first, None = missing)."""
    raise NotImplementedError
