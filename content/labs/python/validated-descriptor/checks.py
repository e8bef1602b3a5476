def make_account(solution):
    Typed = solution.Typed

    class Account:
        holder = Typed(str)
        credit_limit = Typed(int, minimum=0)

        def __init__(self, holder, credit_limit):
            self.holder = holder
            self.credit_limit = credit_limit

    return Account


def check_stores_in_instance_dict(solution):
    Account = make_account(solution)
    a = Account("ann", 500)
    stored = dict(vars(a))
    assert stored == {"holder": "ann", "credit_limit": 500}, (
        "the values must be stored in the instance's __dict__ under the attribute names; "
        f"vars(instance) is {stored}"
    )
    return [a.holder, a.credit_limit]


def check_instances_do_not_share(solution):
    Account = make_account(solution)
    a, b = Account("ann", 500), Account("bob", 20)
    a.credit_limit = 900
    values = [[a.holder, a.credit_limit], [b.holder, b.credit_limit]]
    assert values == [["ann", 900], ["bob", 20]], (
        f"two accounts created with (ann, 500) and (bob, 20), then ann's limit set to 900, read "
        f"back as {values}: the instances share state"
    )
    return values


def check_class_access_returns_descriptor(solution):
    Account = make_account(solution)
    try:
        got = Account.credit_limit
    except Exception as exc:
        raise AssertionError(
            f"reading Account.credit_limit on the class raised {type(exc).__name__}: {exc}"
        ) from None
    assert got is Account.__dict__["credit_limit"], (
        f"Account.credit_limit returned {got!r}, expected the descriptor itself"
    )
    return type(got).__name__


def check_type_errors_name_attribute(solution):
    Account = make_account(solution)
    a = Account("ann", 500)
    results = {}
    for attr, value in (
        ("credit_limit", "500"),
        ("credit_limit", 2.5),
        ("credit_limit", True),
        ("holder", 42),
        ("holder", None),
    ):
        try:
            setattr(a, attr, value)
        except TypeError as exc:
            assert attr in str(exc), f"the TypeError for {attr} = {value!r} does not name it: {exc}"
            results[f"{attr} = {value!r}"] = "TypeError"
        except ValueError as exc:
            raise AssertionError(
                f"{attr} = {value!r} raised ValueError ({exc}); expected TypeError"
            ) from None
        else:
            raise AssertionError(f"assigning {value!r} to {attr} was accepted")
    try:
        Account(b"ann", 5)
    except TypeError as exc:
        assert "holder" in str(exc), f"the TypeError from __init__ does not name holder: {exc}"
    else:
        raise AssertionError("Account(b'ann', 5) was accepted although holder is a str field")
    assert [a.holder, a.credit_limit] == ["ann", 500], "a rejected assignment changed the value"
    return results


def check_minimum_errors_name_attribute(solution):
    Account = make_account(solution)
    a = Account("ann", 0)
    try:
        a.credit_limit = -1
    except ValueError as exc:
        assert "credit_limit" in str(exc), f"the ValueError does not name credit_limit: {exc}"
    else:
        raise AssertionError("credit_limit = -1 was accepted although the minimum is 0")
    Typed = solution.Typed

    class Sensor:
        reading = Typed(float, minimum=-273.15)

    s = Sensor()
    s.reading = -273.15
    try:
        s.reading = -300.0
    except ValueError as exc:
        assert "reading" in str(exc), f"the ValueError does not name reading: {exc}"
    else:
        raise AssertionError("reading = -300.0 was accepted although the minimum is -273.15")
    return [a.credit_limit, s.reading]


def check_unset_is_attribute_error(solution):
    Typed = solution.Typed

    class Shipment:
        tracking_code = Typed(str)
        weight_grams = Typed(int, minimum=1)

    s = Shipment()
    s.weight_grams = 1200
    try:
        value = s.tracking_code
    except AttributeError as exc:
        assert "tracking_code" in str(exc), f"the AttributeError does not name the attribute: {exc}"
    else:
        raise AssertionError(f"an unassigned attribute read as {value!r}, expected AttributeError")
    return [hasattr(s, "tracking_code"), getattr(s, "tracking_code", "n/a"), s.weight_grams]


def check_unhashable_instances(solution):
    Typed = solution.Typed

    class Point:
        x = Typed(int)
        y = Typed(int)

        def __init__(self, x, y):
            self.x, self.y = x, y

        def __eq__(self, other):  # defining __eq__ makes Point unhashable
            return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    try:
        p, q = Point(1, 2), Point(1, 2)
    except TypeError as exc:
        raise AssertionError(
            f"creating an instance of a class with __eq__ (so unhashable) failed: {exc}"
        ) from None
    return [p == q, p.x, p.y, dict(vars(q))]
