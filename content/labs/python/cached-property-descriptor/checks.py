import weakref


def make_report(solution):
    class Report:
        def __init__(self, rows):
            self.rows = rows
            self.runs = 0

        @solution.cached
        def total(self):
            """Sum of all rows (expensive)."""
            self.runs += 1
            return [sum(self.rows)]  # a fresh list each run, to tell cached from recomputed

    return Report


def check_computes_once(solution):
    Report = make_report(solution)
    r = Report([1, 2, 3])
    first = r.total
    reads = [r.total, r.total, r.total]
    assert r.runs == 1, f"4 reads ran the method {r.runs} times, expected once"
    assert all(x is first for x in reads), "later reads must return the very object first computed"
    return first


def check_per_instance(solution):
    Report = make_report(solution)
    a, b = Report([1, 2]), Report([10, 20, 30])
    values = [a.total, b.total, a.total, b.total]
    return [values, a.runs, b.runs]


def check_stored_in_instance_dict(solution):
    Report = make_report(solution)
    r = Report([4, 5])
    before = sorted(vars(r))
    value = r.total
    after = dict(vars(r))
    assert "total" in after, (
        f"after the first read the instance __dict__ has no 'total' entry: {sorted(after)}"
    )
    assert after["total"] is value, "the instance __dict__ entry is not the value returned"
    return [before, sorted(after), after["total"]]


def check_name_from_set_name(solution):
    class Invoice:
        def __init__(self):
            self.runs = 0

        def _compute_total(self):
            self.runs += 1
            return 42

        total = solution.cached(_compute_total)

    inv = Invoice()
    values = [inv.total, inv.total, inv.total]
    assert inv.runs == 1, (
        f"`total = cached(_compute_total)`: 3 reads ran the method {inv.runs} times; the "
        "attribute's name comes from __set_name__, not from the function"
    )
    return [values, sorted(vars(inv))]


def check_del_invalidates(solution):
    Report = make_report(solution)
    r = Report([1, 2, 3])
    try:
        del r.total
    except AttributeError:
        deleted_early = "AttributeError"
    else:
        raise AssertionError("deleting a value that was never computed should raise AttributeError")
    first = r.total
    r.rows.append(100)
    try:
        del r.total
    except AttributeError as exc:
        raise AssertionError(
            f"`del obj.total` after a read raised AttributeError ({exc}); it should drop the "
            "cached value"
        ) from None
    second = r.total
    assert r.runs == 2, f"after del the next read should recompute; the method ran {r.runs} times"
    return [deleted_early, first, second, r.total]


def check_is_non_data_descriptor(solution):
    Report = make_report(solution)
    descriptor = vars(Report)["total"]
    kind = type(descriptor)
    extra = [m for m in ("__set__", "__delete__") if hasattr(kind, m)]
    assert hasattr(kind, "__get__") and not extra, (
        f"the descriptor defines {extra}, which makes it a data descriptor: it is then consulted "
        "on every read instead of the instance __dict__"
    )
    r = Report([1])
    r.total = "overridden"
    assert r.runs == 0, "assigning the attribute ran the method"
    return [r.total, r.runs]


def check_class_access_returns_descriptor(solution):
    Report = make_report(solution)
    try:
        got = Report.total
    except Exception as exc:
        raise AssertionError(
            f"reading Report.total on the class raised {type(exc).__name__}: {exc}"
        ) from None
    assert got is vars(Report)["total"], f"Report.total returned {got!r}, not the descriptor"
    return got.__doc__


def check_errors_are_not_cached(solution):
    class Feed:
        def __init__(self):
            self.attempts = 0

        @solution.cached
        def items(self):
            self.attempts += 1
            if self.attempts == 1:
                raise ConnectionError("feed unavailable")
            return ["a", "b"]

    f = Feed()
    try:
        _ = f.items
    except ConnectionError:
        pass
    else:
        raise AssertionError("the method raised ConnectionError but reading the attribute did not")
    assert "items" not in vars(f), "a failed computation left an entry in the instance __dict__"
    return [f.items, f.items, f.attempts]


def check_does_not_keep_instances_alive(solution):
    Report = make_report(solution)
    r = Report(list(range(1000)))
    _ = r.total
    ref = weakref.ref(r)
    del r
    assert ref() is None, (
        "an instance whose cached attribute was read is still alive after the last reference to "
        "it was dropped: the descriptor (or a cache inside it) keeps a reference"
    )
    return True
