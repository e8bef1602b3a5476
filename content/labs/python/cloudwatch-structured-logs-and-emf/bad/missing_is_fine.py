"""Structured JSON logs, CloudWatch Embedded Metric Format, and how an alarm picks its state."""

import contextlib
import functools
import json
import operator
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    "GreaterThanThreshold": operator.gt,
    "GreaterThanOrEqualToThreshold": operator.ge,
    "LessThanThreshold": operator.lt,
    "LessThanOrEqualToThreshold": operator.le,
}
TREATMENTS = ("missing", "ignore", "breaching", "notBreaching")
STATES = ("OK", "ALARM", "INSUFFICIENT_DATA")


def log_event(level: str, message: str, *, timestamp: float, **fields: Any) -> str:
    level = level.upper()
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    record = {"timestamp": _iso_utc(timestamp), "level": level, "message": message, **fields}
    return json.dumps(record, default=str)  # one line: json.dumps escapes newlines


def _iso_utc(epoch_seconds: float) -> str:
    millis = round(epoch_seconds * 1000)
    moment = datetime.fromtimestamp(millis // 1000, tz=UTC)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{millis % 1000:03d}Z"


def timed(
    operation: str,
    *,
    namespace: str,
    service: str,
    emit: Callable[[str], None] = print,
    clock: Callable[[], float] = time.perf_counter,
    now: Callable[[], float] = time.time,
) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            error: BaseException | None = None
            started = clock()
            try:
                return func(*args, **kwargs)
            except BaseException as exc:
                error = exc
                raise
            finally:
                elapsed_ms = (clock() - started) * 1000
                line = _emf_line(namespace, service, operation, elapsed_ms, error, now())
                with contextlib.suppress(Exception):  # telemetry must never fail the request
                    emit(line)

        return wrapper  # type: ignore[return-value]

    return decorate


def _emf_line(
    namespace: str,
    service: str,
    operation: str,
    elapsed_ms: float,
    error: BaseException | None,
    epoch_seconds: float,
) -> str:
    document: dict[str, Any] = {
        "_aws": {
            "Timestamp": round(epoch_seconds * 1000),
            "CloudWatchMetrics": [
                {
                    "Namespace": namespace,
                    "Dimensions": [["Service", "Operation"]],
                    "Metrics": [
                        {"Name": "Latency", "Unit": "Milliseconds"},
                        {"Name": "Errors", "Unit": "Count"},
                    ],
                }
            ],
        },
        # Dimension values and metric values are members of the root object.
        "Service": service,
        "Operation": operation,
        "Latency": round(elapsed_ms, 3),
        "Errors": 0 if error is None else 1,
        "level": "INFO" if error is None else "ERROR",
        "message": f"{operation} {'succeeded' if error is None else 'failed'}",
    }
    if error is not None:
        document["error"] = type(error).__name__
        document["error_message"] = str(error)
    return json.dumps(document, default=str)


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
    breaches = COMPARISONS.get(comparison)
    if breaches is None:
        raise ValueError(f"unknown comparison {comparison!r}")
    if treat_missing_data not in TREATMENTS:
        raise ValueError(f"unknown treat_missing_data {treat_missing_data!r}")
    if current_state not in STATES:
        raise ValueError(f"unknown state {current_state!r}")
    if not 1 <= datapoints_to_alarm <= evaluation_periods <= len(datapoints):
        raise ValueError("need 1 <= datapoints_to_alarm <= evaluation_periods <= len(datapoints)")
    m, n = datapoints_to_alarm, evaluation_periods

    window = list(datapoints)[-n:]
    breaching = sum(v is not None and breaches(v, threshold) for v in window)
    return "ALARM" if breaching >= m else "OK"
