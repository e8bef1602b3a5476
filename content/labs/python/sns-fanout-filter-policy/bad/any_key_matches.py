"""SNS subscription filter policies (MessageAttributes scope) and topic fan-out."""

import json
import operator
from collections.abc import Callable
from typing import Any

MAX_ATTRIBUTE_NAMES = 5
MAX_COMBINATIONS = 150
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "=": operator.eq,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
Value = str | float


def matches(policy: dict[str, list[Any]], attributes: dict[str, dict[str, Any]]) -> bool:
    """AND across attribute names, OR across the conditions listed for one name."""
    for name, conditions in policy.items():
        attribute = attributes.get(name)
        values = None if attribute is None else _values(attribute)
        if any(_condition_holds(condition, values) for condition in conditions):
            return True
    return False


def fan_out(
    subscriptions: list[dict[str, Any]], attributes: dict[str, dict[str, Any]]
) -> list[str]:
    delivered = []
    for subscription in subscriptions:
        arn = subscription["SubscriptionArn"]
        if arn == "PendingConfirmation":  # not confirmed yet: receives nothing
            continue
        raw_policy = (subscription.get("Attributes") or {}).get("FilterPolicy")
        if raw_policy is None or matches(json.loads(raw_policy), attributes):
            delivered.append(arn)
    return delivered


def _values(attribute: dict[str, Any]) -> list[Value] | None:
    """The strings and numbers an attribute holds; None for one SNS does not filter on."""
    data_type: str = attribute.get("DataType", "")
    raw = attribute.get("StringValue")
    if data_type == "String.Array":
        items = json.loads(raw)
        return [
            float(v) if _is_number(v) else v for v in items if _is_number(v) or isinstance(v, str)
        ]
    if data_type.split(".")[0] == "Number":
        return [float(raw)]
    if data_type.split(".")[0] == "String":
        return [raw]
    return None  # Binary


def _condition_holds(condition: Any, values: list[Value] | None) -> bool:
    if isinstance(condition, dict) and "exists" in condition:
        return (values is not None) is condition["exists"]
    # Apart from {"exists": false}, a condition needs the attribute to be there.
    return values is not None and any(_value_matches(condition, v) for v in values)


def _value_matches(condition: Any, value: Value) -> bool:
    if isinstance(condition, str):
        return isinstance(value, str) and value == condition
    ((op, arg),) = condition.items()
    if op == "prefix":
        return isinstance(value, str) and value.startswith(arg)
    if op == "numeric":
        return isinstance(value, float) and all(
            _COMPARE[arg[i]](value, float(arg[i + 1])) for i in range(0, len(arg), 2)
        )
    if op == "anything-but":
        return _anything_but(arg, value)
    raise ValueError(f"unsupported operator {op!r}")


def _anything_but(arg: Any, value: Value) -> bool:
    if isinstance(arg, dict):
        return isinstance(value, str) and not value.startswith(arg["prefix"])
    excluded = arg if isinstance(arg, list) else [arg]
    if all(isinstance(x, str) for x in excluded):
        return isinstance(value, str) and value not in excluded
    return isinstance(value, float) and all(value != float(x) for x in excluded)


def validate_policy(policy: Any) -> None:
    if not isinstance(policy, dict):
        raise ValueError("a filter policy is a JSON object")
    if len(policy) > MAX_ATTRIBUTE_NAMES:
        raise ValueError(f"at most {MAX_ATTRIBUTE_NAMES} attribute names, got {len(policy)}")
    combinations = 1
    for name, conditions in policy.items():
        if not isinstance(conditions, list) or not conditions:
            raise ValueError(f"{name}: conditions must be a non-empty list")
        for condition in conditions:
            _validate_condition(name, condition)
        combinations *= len(conditions)
    if combinations > MAX_COMBINATIONS:
        raise ValueError(f"{combinations} combinations of values; the limit is {MAX_COMBINATIONS}")


def _validate_condition(name: str, condition: Any) -> None:
    if isinstance(condition, str):
        return
    if not isinstance(condition, dict) or len(condition) != 1:
        raise ValueError(f"{name}: {condition!r} is neither a string nor one operator")
    ((op, arg),) = condition.items()
    ok = {
        "prefix": lambda: isinstance(arg, str),
        "exists": lambda: isinstance(arg, bool),
        "numeric": lambda: _numeric_ok(arg),
        "anything-but": lambda: _anything_but_ok(arg),
    }.get(op)
    if ok is None:
        raise ValueError(f"{name}: operator {op!r} is not supported")
    if not ok():
        raise ValueError(f"{name}: malformed {op!r} argument {arg!r}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _numeric_ok(arg: Any) -> bool:
    if not isinstance(arg, list) or len(arg) not in (2, 4):
        return False
    if not all(isinstance(arg[i], str) and _is_number(arg[i + 1]) for i in range(0, len(arg), 2)):
        return False
    if len(arg) == 2:
        return arg[0] in _COMPARE
    low_op, low, high_op, high = arg
    return low_op in (">", ">=") and high_op in ("<", "<=") and low < high


def _anything_but_ok(arg: Any) -> bool:
    if isinstance(arg, dict):
        return set(arg) == {"prefix"} and isinstance(arg["prefix"], str)
    items = arg if isinstance(arg, list) else [arg]
    return bool(items) and (
        all(isinstance(x, str) for x in items) or all(_is_number(x) for x in items)
    )
