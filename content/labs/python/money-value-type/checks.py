from decimal import Decimal


def show(money):
    return [str(money.amount), money.currency]


def check_construction_rules(solution):
    M = solution.Money
    ok = [M(Decimal("12.50"), "EUR"), M(7, "JPY"), M(Decimal("-0.01"), "USD")]
    for m in ok:
        assert type(m.amount) is Decimal, f"amount is stored as {type(m.amount).__name__}"
    outcomes = {}
    for label, args in {
        "float amount": (12.5, "EUR"),
        "str amount": ("12.50", "EUR"),
        "lowercase currency": (Decimal(1), "eur"),
        "four letters": (Decimal(1), "EURO"),
        "digits": (Decimal(1), "E1R"),
    }.items():
        try:
            M(*args)
        except (TypeError, ValueError) as exc:
            outcomes[label] = type(exc).__name__
        else:
            outcomes[label] = "accepted"
    return [[show(m) for m in ok], outcomes]


def check_immutable(solution):
    m = solution.Money(Decimal("10.00"), "EUR")
    refused = []
    for name, value in (("amount", Decimal("99")), ("currency", "USD")):
        try:
            setattr(m, name, value)
        except AttributeError:
            refused.append(name)
    assert refused == ["amount", "currency"], (
        f"assigning to Money attributes should raise AttributeError; refused only {refused}"
    )
    return show(m)


def check_equality(solution):
    M = solution.Money
    a = M(Decimal("1.0"), "EUR")
    return {
        "1.0 EUR == 1.00 EUR": a == M(Decimal("1.00"), "EUR"),
        "1.0 EUR == 1 EUR": a == M(1, "EUR"),
        "1.0 EUR != 1.00 EUR": a != M(Decimal("1.00"), "EUR"),
        "1.0 EUR == 1.0 USD": a == M(Decimal("1.0"), "USD"),
        "1.0 EUR == 2 EUR": a == M(2, "EUR"),
        "Money == Decimal": a == Decimal("1.0"),
        "Money == str": a == "1.0 EUR",
        "Money != None": a != None,  # noqa: E711
    }


def check_usable_in_sets_and_dicts(solution):
    M = solution.Money
    try:
        values = {M(Decimal("5.00"), "EUR"), M(Decimal("5"), "EUR"), M(5, "USD")}
        prices = {M(Decimal("9.99"), "EUR"): "basic"}
    except TypeError as exc:
        raise AssertionError(
            f"Money cannot be put in a set or used as a dict key ({exc}); defining __eq__ "
            "without __hash__ makes a class unhashable"
        ) from None
    assert hash(M(Decimal("5.00"), "EUR")) == hash(M(5, "EUR")), (
        "equal Money values have different hashes"
    )
    return [
        len(values),
        prices.get(M(Decimal("9.990"), "EUR")),
        prices.get(M(Decimal("9.99"), "USD")),
    ]


def check_repr_round_trips(solution):
    M = solution.Money
    result = []
    for m in (M(Decimal("12.50"), "EUR"), M(Decimal("-3"), "USD"), M(0, "JPY")):
        text = repr(m)
        try:
            back = eval(text, {"Money": M, "Decimal": Decimal})
        except Exception as exc:
            raise AssertionError(f"eval(repr(m)) failed on {text!r}: {exc!r}") from None
        assert back == m, f"eval({text!r}) gave a value that is not equal to the original"
        assert repr(back) == text, f"the repr changed in a round trip: {text!r} -> {back!r}"
        result.append(str(m))
    return result


def check_arithmetic(solution):
    M = solution.Money
    a, b = M(Decimal("0.10"), "EUR"), M(Decimal("0.20"), "EUR")
    total, diff = a + b, a - b
    assert isinstance(total, M) and isinstance(diff, M), "+ and - must return Money"
    return [show(total), show(diff), show(a), show(b), show(total - total)]


def check_ordering_within_currency(solution):
    M = solution.Money
    prices = [M(Decimal(p), "EUR") for p in ("9.99", "-1", "10", "0.5", "10.00", "2")]
    a, b = M(1, "USD"), M(Decimal("1.00"), "USD")
    c = M(2, "USD")
    ops = [a < c, a <= c, a > c, a >= c, c > a, c >= a, a <= b, a >= b, a < b, a > b]
    return [[str(p) for p in sorted(prices)], str(min(prices)), str(max(prices)), ops]


def check_currency_mismatch_is_value_error(solution):
    M = solution.Money
    eur, usd = M(5, "EUR"), M(10, "USD")
    outcomes = {}
    for label, op in {
        "+": lambda: eur + usd,
        "-": lambda: eur - usd,
        "<": lambda: eur < usd,
        "<=": lambda: eur <= usd,
        ">": lambda: eur > usd,
        ">=": lambda: eur >= usd,
    }.items():
        try:
            value = op()
        except ValueError as exc:
            message = str(exc)
            assert "EUR" in message and "USD" in message, (
                f"the error for EUR {label} USD should name both currencies: {message!r}"
            )
            outcomes[label] = "ValueError"
        except TypeError:
            raise AssertionError(
                f"EUR {label} USD raised TypeError; the task asks for ValueError"
            ) from None
        else:
            raise AssertionError(f"5 EUR {label} 10 USD returned {value!r} instead of raising")
    return outcomes


class Tally:
    """A foreign type that knows how to combine itself with anything."""

    def __init__(self):
        self.seen = []

    def __radd__(self, other):
        self.seen.append(["radd", str(other)])
        return "handled by Tally.__radd__"

    def __rsub__(self, other):
        self.seen.append(["rsub", str(other)])
        return "handled by Tally.__rsub__"

    def __gt__(self, other):  # the reflection of other < self
        self.seen.append(["gt", str(other)])
        return True


def check_foreign_operands_not_implemented(solution):
    m = solution.Money(Decimal("2.50"), "EUR")
    tally = Tally()
    got = []
    for label, op in (("+", lambda: m + tally), ("-", lambda: m - tally), ("<", lambda: m < tally)):
        try:
            got.append(op())
        except TypeError as exc:
            raise AssertionError(
                f"Money {label} other raised TypeError ({exc}) although the other operand could "
                "handle it: return NotImplemented for a foreign operand, do not raise"
            ) from None
    assert tally.seen == [["radd", "2.50 EUR"], ["rsub", "2.50 EUR"], ["gt", "2.50 EUR"]], (
        "Money's operators must return NotImplemented for a foreign operand so Python asks the "
        f"other operand; the other operand was asked: {tally.seen}"
    )
    raised = []
    for label, op in {
        "Money + 1": lambda: m + 1,
        "1 + Money": lambda: 1 + m,
        "Money - Decimal": lambda: m - Decimal(1),
        "Money < 3": lambda: m < 3,
        "Money >= 3.0": lambda: m >= 3.0,
    }.items():
        try:
            op()
        except TypeError:
            raised.append(label)
    return [got, raised]
