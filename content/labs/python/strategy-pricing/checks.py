from decimal import ROUND_HALF_UP, Decimal


def _legacy(kind, subtotal, quantity):
    """The rules the refactor must keep (a copy of the starter's legacy_price)."""
    if kind == "standard":
        total = subtotal
    elif kind == "member":
        total = subtotal * Decimal("0.95")
    elif kind == "bulk":
        total = subtotal * Decimal("0.90") if quantity >= 10 else subtotal
    else:
        total = subtotal * Decimal("0.70") - Decimal("2.00")
    return str(max(total, Decimal("0")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


CASES = [
    ("standard", "19.90", 1),
    ("member", "19.90", 1),
    ("member", "10.10", 3),
    ("bulk", "100.00", 9),
    ("bulk", "100.00", 10),
    ("bulk", "33.35", 12),
    ("clearance", "50.00", 1),
    ("clearance", "2.50", 1),
    ("standard", "0", 1),
]


def _price(registry, name, subtotal, quantity):
    result = registry.price(name, Decimal(subtotal), quantity)
    assert type(result) is Decimal, f"price({name!r}, ...) returned a {type(result).__name__}"
    return str(result)


def check_matches_legacy(solution):
    registry = solution.default_registry()
    assert registry.names() == ["bulk", "clearance", "member", "standard"], (
        f"default_registry().names() is {registry.names()}"
    )
    results = []
    for name, subtotal, quantity in CASES:
        got, legacy = (
            _price(registry, name, subtotal, quantity),
            _legacy(name, Decimal(subtotal), quantity),
        )
        assert got == legacy, (
            f"{name} {subtotal} x{quantity} priced {got}; legacy_price gives {legacy}"
        )
        results.append([name, subtotal, quantity, got])
    return results


def check_unknown_strategy(solution):
    registry = solution.default_registry()
    try:
        registry.price("platinum", Decimal("10"), 1)
    except solution.UnknownStrategyError as exc:
        assert isinstance(exc, LookupError), "UnknownStrategyError must be a LookupError"
        assert "platinum" in str(exc), f"the error does not name the strategy: {exc}"
        return True
    except Exception as exc:
        raise AssertionError(
            f"an unknown strategy raised {exc!r}, not UnknownStrategyError"
        ) from None
    raise AssertionError("pricing with an unknown strategy returned a price")


class Coupon:
    """A strategy with state: a fixed amount off."""

    def __init__(self, amount):
        self.amount = Decimal(amount)

    def __call__(self, subtotal, quantity):
        return subtotal - self.amount


def check_register_at_runtime(solution):
    registry = solution.default_registry()

    @registry.register("staff")
    def staff(subtotal, quantity):
        return subtotal / 2

    assert callable(staff) and staff(Decimal("8"), 1) == Decimal("4"), (
        "the register decorator must return the decorated function unchanged"
    )
    coupon = Coupon("5")
    returned = registry.register("coupon5", coupon)
    assert returned is coupon, "register(name, strategy) must return the strategy"
    return [
        registry.names(),
        _price(registry, "staff", "9.99", 1),
        _price(registry, "coupon5", "12.00", 2),
        _price(registry, "coupon5", "3.00", 1),
        _price(registry, "member", "20.00", 1),
    ]


def check_registries_are_independent(solution):
    first = solution.default_registry()
    first.register("seasonal", lambda subtotal, quantity: subtotal * Decimal("0.8"))
    second = solution.default_registry()
    assert "seasonal" not in second.names(), (
        "a strategy registered on one default_registry() showed up in a later one"
    )
    empty = solution.PricingRegistry()
    assert empty.names() == [], f"a new PricingRegistry() already holds {empty.names()}"
    return [first.names(), second.names()]


def check_dispatcher_knows_no_names(solution):
    registry = solution.PricingRegistry()
    registry.register("member", lambda subtotal, quantity: Decimal("1.00") * quantity)
    flat = _price(registry, "member", "80.00", 3)
    assert flat == "3.00", (
        f"a 'member' strategy registered on a new registry priced 80.00 x3 as {flat}, not 3.00: "
        "the dispatcher still has its own idea of 'member'"
    )
    try:
        registry.price("standard", Decimal("1"), 1)
    except solution.UnknownStrategyError:
        return flat
    raise AssertionError("a new registry priced 'standard' although nobody registered it")


def check_rounding_and_validation(solution):
    registry = solution.PricingRegistry()
    registry.register("raw", lambda subtotal, quantity: subtotal / quantity)
    rounded = [
        _price(registry, "raw", s, q)
        for s, q in [("10.005", 1), ("0.125", 1), ("10", 3), ("2.675", 1)]
    ]
    assert rounded[0] == "10.01", f"10.005 rounded to {rounded[0]}; half up gives 10.01"
    errors = []
    for args in [(Decimal("-1"), 1), (Decimal("5"), 0)]:
        try:
            registry.price("raw", *args)
        except ValueError:
            errors.append("ValueError")
        else:
            raise AssertionError(f"price('raw', {args[0]}, {args[1]}) was accepted")
    try:
        registry.register("raw", lambda subtotal, quantity: subtotal)
    except ValueError:
        errors.append("duplicate rejected")
    else:
        raise AssertionError("registering the name 'raw' twice was accepted")
    return [rounded, errors]
