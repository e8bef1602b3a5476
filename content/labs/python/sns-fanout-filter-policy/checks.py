# ruff: noqa: E501 - the tables of cases read better one case per line
"""Checks for SNS filter-policy matching, validation and fan-out.

Message attributes are in the shape of the Publish API's MessageAttributes; subscriptions in
the shape of ListSubscriptionsByTopic entries joined with GetSubscriptionAttributes (the filter
policy is a JSON string there).
"""

import json


def s(value):
    return {"DataType": "String", "StringValue": value}


def n(value):
    return {"DataType": "Number", "StringValue": str(value)}


def arr(*values):
    return {"DataType": "String.Array", "StringValue": json.dumps(list(values))}


def binary(data):
    return {"DataType": "Binary", "BinaryValue": data}


def _verdicts(solution, policy, cases):
    out = []
    for label, attributes, want in cases:
        got = solution.matches(policy, attributes)
        assert type(got) is bool, f"matches() returned {got!r}, not a bool"
        assert got == want, (
            f"policy {json.dumps(policy)} with {label}: expected "
            f"{'a match' if want else 'no match'}, got {'a match' if got else 'no match'}"
        )
        out.append(got)
    return out


def check_exact_strings(solution):
    policy = {"customer_interests": ["rugby", "tennis"]}
    return _verdicts(solution, policy, [
        ("customer_interests = rugby", {"customer_interests": s("rugby")}, True),
        ("customer_interests = tennis", {"customer_interests": s("tennis")}, True),
        ("customer_interests = baseball", {"customer_interests": s("baseball")}, False),
        ("customer_interests = Rugby (matching is case-sensitive)", {"customer_interests": s("Rugby")}, False),
        ("a String.Array holding rugby", {"customer_interests": arr("soccer", "rugby")}, True),
        ("a String.Array without rugby or tennis", {"customer_interests": arr("soccer", "golf")}, False),
        ("no customer_interests attribute", {"store": s("example_corp")}, False),
        ("a Binary attribute", {"customer_interests": binary(b"rugby")}, False),
    ])  # fmt: skip


def check_and_across_keys(solution):
    policy = {"store": ["example_corp"], "event": ["order_placed", "order_cancelled"]}
    return _verdicts(solution, policy, [
        ("both attributes matching", {"store": s("example_corp"), "event": s("order_placed"), "extra": s("x")}, True),
        ("store matching, event not", {"store": s("example_corp"), "event": s("order_shipped")}, False),
        ("event matching, store missing", {"event": s("order_cancelled")}, False),
        ("neither attribute", {}, False),
    ])  # fmt: skip


def check_numeric(solution):
    out = []
    for policy, cases in [
        ({"price_usd": [{"numeric": ["=", 301.5]}]}, [
            ("price_usd = 301.5", {"price_usd": n("301.5")}, True),
            ("price_usd = 3.015e2", {"price_usd": n("3.015e2")}, True),
            ("price_usd = 301.55", {"price_usd": n("301.55")}, False),
        ]),
        ({"price_usd": [{"numeric": [">", 0, "<=", 150]}]}, [
            ("price_usd = 150 (upper bound included)", {"price_usd": n(150)}, True),
            ("price_usd = 0 (lower bound excluded)", {"price_usd": n(0)}, False),
            ("price_usd = 9 (numerically inside, though '9' > '150' as text)", {"price_usd": n(9)}, True),
            ("price_usd = 1000", {"price_usd": n(1000)}, False),
            ("price_usd as a String '50'", {"price_usd": s("50")}, False),
        ]),
        ({"price_usd": [{"numeric": ["<", 0]}, {"numeric": [">=", 1000]}]}, [
            ("price_usd = -0.5", {"price_usd": n(-0.5)}, True),
            ("price_usd = 1000", {"price_usd": n(1000)}, True),
            ("price_usd = 999.99", {"price_usd": n(999.99)}, False),
            ("no price_usd", {}, False),
        ]),
    ]:  # fmt: skip
        out.append(_verdicts(solution, policy, cases))
    return out


def check_anything_but(solution):
    out = []
    for policy, cases in [
        ({"interests": [{"anything-but": ["rugby", "tennis"]}]}, [
            ("interests = baseball", {"interests": s("baseball")}, True),
            ("interests = rugby", {"interests": s("rugby")}, False),
            ("a String.Array with one value outside the list", {"interests": arr("rugby", "baseball")}, True),
            ("a String.Array of excluded values only", {"interests": arr("rugby", "tennis")}, False),
            ("no interests attribute at all", {"store": s("x")}, False),
        ]),
        ({"interests": [{"anything-but": "rugby"}]}, [
            ("interests = golf", {"interests": s("golf")}, True),
            ("interests = rugby", {"interests": s("rugby")}, False),
        ]),
        ({"price": [{"anything-but": [100, 500]}]}, [
            ("price = 101", {"price": n(101)}, True),
            ("price = 100.0", {"price": n("100.0")}, False),
            ("price missing", {}, False),
        ]),
        ({"event": [{"anything-but": {"prefix": "order-"}}]}, [
            ("event = data-entry", {"event": s("data-entry")}, True),
            ("event = order_number", {"event": s("order_number")}, True),
            ("event = order-cancelled", {"event": s("order-cancelled")}, False),
        ]),
    ]:  # fmt: skip
        out.append(_verdicts(solution, policy, cases))
    return out


def check_prefix(solution):
    policy = {"customer_interests": [{"prefix": "bas"}, "golf"]}
    return _verdicts(solution, policy, [
        ("baseball", {"customer_interests": s("baseball")}, True),
        ("basketball", {"customer_interests": s("basketball")}, True),
        ("golf (the other condition)", {"customer_interests": s("golf")}, True),
        ("rugby", {"customer_interests": s("rugby")}, False),
        ("Baseball (case-sensitive)", {"customer_interests": s("Baseball")}, False),
        ("a String.Array holding basketball", {"customer_interests": arr("rugby", "basketball")}, True),
    ])  # fmt: skip


def check_exists(solution):
    out = []
    for policy, cases in [
        ({"store": [{"exists": True}]}, [
            ("a String store", {"store": s("fans")}, True),
            ("a Number store", {"store": n(7)}, True),
            ("no store", {"customer_interests": arr("baseball")}, False),
        ]),
        ({"store": [{"exists": False}], "event": ["order_placed"]}, [
            ("no store, event matching", {"event": s("order_placed")}, True),
            ("a store, event matching", {"store": s("fans"), "event": s("order_placed")}, False),
            ("no store, event not matching", {"event": s("order_shipped")}, False),
        ]),
    ]:  # fmt: skip
        out.append(_verdicts(solution, policy, cases))
    return out


VALID = [
    {"store": ["example_corp"]},
    {"price_usd": [{"numeric": [">=", 0, "<", 100]}], "store": [{"exists": False}]},
    {"event": [{"anything-but": {"prefix": "test-"}}, {"prefix": "order-"}]},
    {"a": ["1", "2", "3", "4", "5"], "b": ["1", "2", "3", "4", "5"], "c": ["1", "2", "3", "4", "5", "6"]},
    {"price": [{"anything-but": [100, 200.5]}], "x": [{"numeric": ["=", 0]}]},
]  # fmt: skip
INVALID = [
    ("six attribute names (the limit is 5)", {k: ["v"] for k in "abcdef"}),
    ("an empty list of conditions", {"store": []}),
    ("conditions that are not a list", {"store": "example_corp"}),
    ("7 x 5 x 5 = 175 combinations (the limit is 150)",
     {"a": list("1234567"), "b": list("12345"), "c": list("12345")}),
    ("an unknown operator", {"store": [{"begins-with": "ex"}]}),
    ("two operators in one object", {"store": [{"prefix": "ex", "exists": True}]}),
    ("exists with a string", {"store": [{"exists": "true"}]}),
    ("numeric with an unknown comparison", {"price": [{"numeric": ["!=", 5]}]}),
    ("numeric with a string bound", {"price": [{"numeric": [">", "5"]}]}),
    ("numeric range with the bounds the wrong way round", {"price": [{"numeric": [">", 10, "<", 5]}]}),
    ("numeric range written upper-then-lower", {"price": [{"numeric": ["<", 10, ">", 5]}]}),
    ("anything-but mixing strings and numbers", {"price": [{"anything-but": ["a", 1]}]}),
    ("prefix with a number", {"store": [{"prefix": 12}]}),
]  # fmt: skip


def check_validate_policy(solution):
    for policy in VALID:
        try:
            solution.validate_policy(policy)
        except ValueError as exc:
            raise AssertionError(
                f"validate_policy rejected a valid policy {json.dumps(policy)}: {exc}"
            ) from None
    out = []
    for label, policy in INVALID:
        try:
            solution.validate_policy(policy)
        except ValueError:
            out.append(label)
        else:
            raise AssertionError(
                f"validate_policy accepted a policy with {label}: {json.dumps(policy)}"
            )
    return out


TOPIC = "arn:aws:sns:eu-west-1:123456789012:orders"


def sub(name, policy=None, protocol="sqs", pending=False):
    attributes = {
        "Protocol": protocol,
        "TopicArn": TOPIC,
        "RawMessageDelivery": "true",
        "PendingConfirmation": "true" if pending else "false",
    }
    if policy is not None:
        attributes["FilterPolicy"] = json.dumps(policy)
        attributes["FilterPolicyScope"] = "MessageAttributes"
    return {
        "SubscriptionArn": "PendingConfirmation" if pending else f"{TOPIC}:{name}",
        "Owner": "123456789012",
        "Protocol": protocol,
        "Endpoint": f"{name}@example.com"
        if protocol == "email"
        else f"arn:aws:sqs:eu-west-1:123456789012:{name}",
        "TopicArn": TOPIC,
        "Attributes": attributes,
    }


SUBSCRIPTIONS = [
    sub("audit-all"),
    sub("billing", {"event": ["order_placed", "order_refunded"], "total_cents": [{"numeric": [">", 0]}]}),
    sub("big-orders", {"total_cents": [{"numeric": [">=", 100000]}]}),
    sub("not-tests", {"env": [{"anything-but": ["test", "staging"]}]}),
    sub("emea", {"region": [{"prefix": "eu-"}, "me-central-1"]}),
    sub("mail-pending", {"event": ["order_placed"]}, protocol="email", pending=True),
]  # fmt: skip


def check_fan_out(solution):
    out = []
    for label, attributes in [
        ("a big EU order", {"event": s("order_placed"), "total_cents": n(250000), "env": s("prod"),
                            "region": s("eu-west-1")}),
        ("a test refund", {"event": s("order_refunded"), "total_cents": n(500), "env": s("test"),
                           "region": s("us-east-1")}),
        ("a message without attributes", {}),
    ]:  # fmt: skip
        got = solution.fan_out(SUBSCRIPTIONS, attributes)
        assert isinstance(got, list), f"fan_out returned {type(got).__name__}, not a list"
        names = [arn.rsplit(":", 1)[-1] for arn in got]
        assert "audit-all" in names, (
            f"{label}: a subscription with no filter policy receives every message; got {names}"
        )
        assert "PendingConfirmation" not in got, (
            f"{label}: an unconfirmed subscription (SubscriptionArn 'PendingConfirmation') "
            "receives nothing"
        )
        out.append(names)
    return out
