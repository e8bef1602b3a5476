# Classes are built with make_dataclass: the sandbox compiles this file with postponed
# annotations, and a class statement's string annotations need its module in sys.modules.
from dataclasses import make_dataclass

OPERATORS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _compare(a, b, op):
    try:
        return OPERATORS[op](a, b)
    except TypeError as exc:
        raise AssertionError(
            f"comparing two objects of the same class with {op} raised {exc}"
        ) from None


def check_user_mro(solution):
    return [c.__name__ for c in solution.User.__mro__]


def check_user_to_dict_and_json(solution):
    user = solution.User("ada", "ada@example.com", 36)
    data = user.to_dict()
    assert data == {"name": "ada", "email": "***", "age": 36, "kind": "User"}, (
        f"User.to_dict() returned {data}"
    )
    text = user.to_json()
    assert "ada@example.com" not in text, f"to_json leaked the email: {text}"
    assert user.email == "ada@example.com", "to_dict changed the object's own email"
    result = [dict(data), text]
    data["name"] = "changed"
    assert user.to_dict()["name"] == "ada", "to_dict must return a new dict each time"
    return result


def check_other_orders(solution):
    Secret = make_dataclass(
        "Secret",
        [("token", str)],
        bases=(solution.TaggedMixin, solution.RedactedMixin),
        namespace={"redact": ("token", "kind")},
    )
    Audit = make_dataclass(
        "Audit",
        [("actor", str)],
        bases=(solution.RedactedMixin, solution.TaggedMixin, solution.JsonMixin),
        namespace={"redact": ("kind",)},
    )
    Point = make_dataclass("Point", [("x", int), ("y", int)], bases=(solution.JsonMixin,))
    secret = Secret("s3cr3t").to_dict()
    assert secret.get("token") == "***", f"Secret.to_dict() is {secret}; the token is not hidden"
    audit = Audit("root").to_dict()
    assert audit.get("kind") == "***", (
        f"Audit.to_dict() is {audit}; RedactedMixin comes first in its MRO, so it sees kind"
    )
    return [secret, audit, Point(1, 2).to_json()]


def check_json_uses_overrides(solution):
    def to_dict(self):
        data = super(Money, self).to_dict()
        data["amount"] = f"{self.cents // 100}.{self.cents % 100:02d} {self.currency}"
        del data["cents"]
        return data

    Money = make_dataclass(
        "Money",
        [("cents", int), ("currency", str)],
        bases=(solution.JsonMixin, solution.TaggedMixin),
        namespace={"to_dict": to_dict},
    )
    text = Money(1999, "EUR").to_json()
    assert "cents" not in text, f"to_json ignored the class's own to_dict: {text}"
    return text


def check_comparisons(solution):
    User = solution.User
    users = [
        User("cy", "c@x", 41),
        User("al", "a@x", 29),
        User("bo", "b@x", 41),
        User("di", "d@x", 29),
    ]
    order = [u.name for u in sorted(users)]
    a, b, twin = User("al", "a@x", 29), User("bo", "b@x", 41), User("al", "other@x", 29)
    ops = [
        [op, _compare(a, b, op), _compare(b, a, op), _compare(a, twin, op)]
        for op in ("<", "<=", ">", ">=")
    ]
    return [order, ops, a == twin, a == User("al", "a@x", 29)]


def check_mixed_types_raise(solution):
    # the same sort key as the user below: only the class differs
    Product = make_dataclass(
        "Product",
        [("sku", str)],
        bases=(solution.ComparableMixin,),
        namespace={"sort_key": lambda self: (29, "al")},
    )
    user = solution.User("al", "a@x", 29)
    raised = []
    for label, compare in [
        ("User < int", lambda: user < 3),
        ("User >= str", lambda: user >= "al"),
        ("User <= Product", lambda: user <= Product("p-1")),
        ("Product > User", lambda: Product("p-1") > user),
    ]:
        try:
            result = compare()
        except TypeError:
            raised.append(label)
        else:
            raise AssertionError(f"{label} returned {result!r}; it should raise TypeError")
    return raised
