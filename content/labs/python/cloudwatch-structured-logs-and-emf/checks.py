"""Checks for structured logs, Embedded Metric Format documents and alarm evaluation.

EMF documents are validated against the rules of the EMF specification (the `_aws` metadata,
MetricDirectives, DimensionSets, MetricDefinitions, target members on the root node), then their
values are compared.
"""

import json
from datetime import datetime

UNITS = {
    "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes",
    "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
    "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second",
    "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
    "Terabits/Second", "Count/Second", "None",
}  # fmt: skip
NOW = 1714564800.25  # 2024-05-01T12:00:00.250Z


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def _one_line_json(line, what):
    assert isinstance(line, str), f"{what}: expected a str line, got {type(line).__name__}"
    assert "\n" not in line, f"{what}: a log event must be one line, got {line!r}"
    try:
        doc = json.loads(line)
    except ValueError:
        raise AssertionError(f"{what}: not valid JSON: {line[:120]!r}") from None
    assert isinstance(doc, dict), f"{what}: the root must be a JSON object, got {doc!r}"
    return doc


def validate_emf(doc):
    """Raise AssertionError with the first rule of the EMF specification the document breaks."""
    aws = doc.get("_aws")
    assert isinstance(aws, dict), "EMF: the root needs an `_aws` metadata object"
    stamp = aws.get("Timestamp")
    assert type(stamp) is int, f"EMF: _aws.Timestamp must be an integer, got {stamp!r}"
    assert stamp > 10**12, (
        f"EMF: _aws.Timestamp is milliseconds since the epoch; {stamp} looks like seconds"
    )
    directives = aws.get("CloudWatchMetrics")
    assert isinstance(directives, list) and directives, (
        "EMF: _aws.CloudWatchMetrics must be a non-empty array of metric directives"
    )
    for directive in directives:
        assert isinstance(directive, dict), (
            f"EMF: a metric directive must be an object: {directive!r}"
        )
        namespace = directive.get("Namespace")
        assert isinstance(namespace, str) and 1 <= len(namespace) <= 255, (
            f"EMF: Namespace must be a non-empty string, got {namespace!r}"
        )
        dimension_sets = directive.get("Dimensions")
        assert isinstance(dimension_sets, list) and dimension_sets, (
            "EMF: Dimensions must be an array of dimension sets (arrays of dimension names)"
        )
        for dimension_set in dimension_sets:
            assert isinstance(dimension_set, list) and len(dimension_set) <= 30, (
                f"EMF: a dimension set is an array of at most 30 names, got {dimension_set!r}"
            )
            for name in dimension_set:
                assert isinstance(name, str) and name in doc, (
                    f"EMF: dimension {name!r} must be a member of the root object"
                )
                assert isinstance(doc[name], str), (
                    f"EMF: the value of dimension {name!r} must be a string, got {doc[name]!r}"
                )
        metrics = directive.get("Metrics")
        assert isinstance(metrics, list) and 1 <= len(metrics) <= 100, (
            "EMF: Metrics must be an array of 1 to 100 metric definitions"
        )
        for metric in metrics:
            assert isinstance(metric, dict) and isinstance(metric.get("Name"), str), (
                f"EMF: a metric definition needs a Name, got {metric!r}"
            )
            unit = metric.get("Unit", "None")
            assert unit in UNITS, f"EMF: {unit!r} is not a CloudWatch unit"
            name = metric["Name"]
            assert name in doc, (
                f"EMF: metric {name!r} must be a member of the root object (not nested)"
            )
            value = doc[name]
            assert _is_number(value) or (
                isinstance(value, list) and len(value) <= 100 and all(map(_is_number, value))
            ), f"EMF: metric {name!r} must be a number or an array of numbers, got {value!r}"


class Clock:
    """perf_counter stand-in: the start and end readings of one call, nothing more."""

    def __init__(self, *readings):
        self.readings = list(readings)

    def __call__(self):
        assert self.readings, "clock() was called more than twice for one decorated call"
        return self.readings.pop(0)


def _decorate(solution, func, *, readings=(100.0, 100.0425), emit=None):
    lines = []
    decorator = solution.timed(
        "GetOrder", namespace="Shop/Orders", service="orders-api",
        emit=emit if emit is not None else lines.append, clock=Clock(*readings), now=lambda: NOW,
    )  # fmt: skip
    return decorator(func), lines


def check_log_event(solution):
    class Order:
        def __str__(self):
            return "Order(o-1)"

    line = solution.log_event(
        "warning", "payment slow\nretrying", timestamp=NOW, order=Order(),
        at=datetime(2024, 5, 1, 12, 0), attempt=2,
    )  # fmt: skip
    doc = _one_line_json(line, "log_event")
    assert doc.get("timestamp") == "2024-05-01T12:00:00.250Z", (
        f"timestamp should be UTC ISO 8601 with milliseconds, like 2024-05-01T12:00:00.250Z; "
        f"got {doc.get('timestamp')!r}"
    )
    try:
        solution.log_event("LOUD", "x", timestamp=NOW)
    except ValueError:
        pass
    else:
        raise AssertionError("log_event('LOUD', ...) should raise ValueError: unknown level")
    return doc


def check_emf_valid(solution):
    func, lines = _decorate(solution, lambda order_id: {"id": order_id})
    func("o-1")
    assert len(lines) == 1, f"one call should emit exactly one line, got {len(lines)}"
    doc = _one_line_json(lines[0], "the EMF line")
    validate_emf(doc)
    return doc["_aws"]


def check_emf_values(solution):
    func, lines = _decorate(solution, lambda order_id: {"id": order_id})
    func("o-1")
    doc = _one_line_json(lines[0], "the EMF line")
    validate_emf(doc)
    assert doc["_aws"]["Timestamp"] == 1714564800250, (
        "_aws.Timestamp should be now() in milliseconds (1714564800250), got "
        f"{doc['_aws']['Timestamp']}"
    )
    latency = doc.get("Latency")
    assert _is_number(latency) and abs(latency - 42.5) < 0.001, (
        f"the clock read 100.0 then 100.0425, so Latency is 42.5 ms; got {latency!r}"
    )
    return {k: (round(v, 3) if k == "Latency" else v) for k, v in doc.items() if k != "_aws"}


def check_error_path(solution):
    failure = LookupError("order o-9 not found")

    def explode(order_id):
        raise failure

    func, lines = _decorate(solution, explode, readings=(5.0, 5.5))
    try:
        func("o-9")
    except LookupError as exc:
        assert exc is failure, "re-raise the original exception, not a new one"
    else:
        raise AssertionError("the decorated function's exception was swallowed")
    assert len(lines) == 1, f"a failed call should still emit one line, got {len(lines)}"
    doc = _one_line_json(lines[0], "the EMF line")
    validate_emf(doc)
    return {k: v for k, v in doc.items() if k != "_aws"}


def check_passthrough(solution):
    def fetch(order_id, *, verbose=False):
        """Load one order."""
        return [order_id, verbose]

    func, _ = _decorate(solution, fetch)
    result = func("o-3", verbose=True)

    def broken_emit(line):
        raise OSError("stdout closed")

    func2, _ = _decorate(solution, fetch, emit=broken_emit)
    try:
        result2 = func2("o-4")
    except OSError:
        raise AssertionError(
            "emit() failed and the call failed with it: telemetry must never break a request"
        ) from None
    return [result, func.__name__, func.__doc__, result2]


def _points(pattern):
    """'0 - X - X' -> values oldest first: 0 is fine (1.0), X breaches (9.0), - is missing."""
    return [{"0": 1.0, "X": 9.0, "-": None}[c] for c in pattern.split()]


# From the CloudWatch documentation's tables (range of 5 points, threshold 5).
DOC_ROWS = [
    # (M, N, points, missing, ignore, breaching, notBreaching)
    (3, 3, "0 - X - X", "OK", "OK", "OK", "OK"),
    (3, 3, "0 - - - -", "OK", "OK", "OK", "OK"),
    (3, 3, "- - - - -", "INSUFFICIENT_DATA", "RETAIN", "ALARM", "OK"),
    (3, 3, "0 X X - X", "ALARM", "ALARM", "ALARM", "ALARM"),
    (3, 3, "- - - - X", "INSUFFICIENT_DATA", "RETAIN", "ALARM", "OK"),
    (2, 3, "0 - X - X", "ALARM", "ALARM", "ALARM", "ALARM"),
    (2, 3, "0 0 X 0 X", "ALARM", "ALARM", "ALARM", "ALARM"),
    (2, 3, "0 - X - -", "OK", "OK", "ALARM", "OK"),
    (2, 3, "- - - - 0", "OK", "OK", "ALARM", "OK"),
    (2, 3, "- - - - X", "INSUFFICIENT_DATA", "RETAIN", "ALARM", "OK"),
]


def check_alarm_documented_cases(solution):
    out = []
    for m, n, pattern, *states in DOC_ROWS:
        treatments = ("missing", "ignore", "breaching", "notBreaching")
        for treat, want in zip(treatments, states, strict=True):
            for current in ("OK", "ALARM"):
                expected = current if want == "RETAIN" else want
                got = solution.alarm_state(
                    _points(pattern), threshold=5, comparison="GreaterThanThreshold",
                    evaluation_periods=n, datapoints_to_alarm=m, treat_missing_data=treat,
                    current_state=current,
                )  # fmt: skip
                assert got == expected, (
                    f"{m} out of {n}, points {pattern!r} (oldest first), treat_missing_data="
                    f"{treat!r}, current state {current}: expected {expected}, got {got}"
                )
                out.append(got)
    return out


def check_alarm_thresholds(solution):
    out = []
    for comparison, points, want in [
        ("GreaterThanThreshold", [80, 80, 80], "OK"),
        ("GreaterThanOrEqualToThreshold", [80, 80, 80], "ALARM"),
        ("LessThanThreshold", [80, 79.9, 80], "OK"),
        ("LessThanOrEqualToThreshold", [80, 79.9, 80], "ALARM"),
        ("GreaterThanThreshold", [99, 99, 99, 10, 10, 10], "OK"),
        ("GreaterThanThreshold", [10, 99, 10, 99, 10], "OK"),
        ("GreaterThanThreshold", [10, 99, 99, 10, 99], "ALARM"),
    ]:
        got = solution.alarm_state(
            points, threshold=80, comparison=comparison, evaluation_periods=3,
            datapoints_to_alarm=2 if len(points) == 5 else 3,
        )  # fmt: skip
        assert got == want, (
            f"{comparison} 80 over {points} (oldest first; the last 3 points count): "
            f"expected {want}, got {got}"
        )
        out.append(got)
    return out


def check_alarm_validation(solution):
    out = []
    for label, kwargs in [
        ("M > N", {"evaluation_periods": 2, "datapoints_to_alarm": 3}),
        ("datapoints_to_alarm 0", {"evaluation_periods": 2, "datapoints_to_alarm": 0}),
        ("fewer datapoints than N", {"evaluation_periods": 9, "datapoints_to_alarm": 1}),
        ("an unknown comparison", {"comparison": "AboveThreshold"}),
        ("an unknown treat_missing_data", {"treat_missing_data": "zero"}),
    ]:  # fmt: skip
        params = {"threshold": 1, "comparison": "GreaterThanThreshold", "evaluation_periods": 3,
                  "datapoints_to_alarm": 2} | kwargs  # fmt: skip
        try:
            solution.alarm_state([1, 2, 3, 4, 5], **params)
        except ValueError:
            out.append(label)
        else:
            raise AssertionError(f"alarm_state should raise ValueError for {label}")
    return out
