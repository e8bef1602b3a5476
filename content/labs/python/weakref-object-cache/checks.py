import gc
import weakref


class Row:
    """A loaded record: weak-referenceable, with a load number to tell fresh loads apart."""

    def __init__(self, key, load):
        self.key, self.load, self.links = key, load, []


class Loader:
    def __init__(self):
        self.calls = []

    def __call__(self, key):
        self.calls.append(key)
        return Row(key, len(self.calls))


def check_same_object_while_held(solution):
    loader = Loader()
    rows = solution.IdentityMap(loader)
    first, second = rows.get(42), rows.get(42)
    assert first is second, "two get(42) calls returned different objects"
    other = rows.get(7)
    assert loader.calls == [42, 7], f"the loader ran for {loader.calls}; expected [42, 7]"
    return [len(rows), 42 in rows, 99 in rows, sorted(rows.keys()), other.load]


def check_released_after_del(solution):
    loader = Loader()
    rows = solution.IdentityMap(loader)
    row = rows.get("ada")
    alive = weakref.ref(row)
    del row
    gc.collect()
    assert alive() is None, "the row stayed alive after its last outside reference was deleted"
    gone = [len(rows), "ada" in rows, rows.keys()]
    assert gone == [0, False, []], f"after the row was collected, len/in/keys gave {gone}"
    fresh = rows.get("ada")
    assert fresh.load == 2, "get after collection did not load a fresh object"
    return [gone, loader.calls]


def check_many_keys(solution):
    rows = solution.IdentityMap(Loader())
    held = [rows.get(key) for key in range(0, 100, 2)]
    for key in range(1, 100, 2):
        rows.get(key)  # dropped at once
    gc.collect()
    keys = sorted(rows.keys())
    assert keys == list(range(0, 100, 2)), f"live keys after collection: {keys[:10]}..."
    again = [rows.get(key) is row for key, row in zip(range(0, 100, 2), held, strict=True)]
    assert all(again), "a held row was replaced by a new load"
    return [len(rows), keys[:5], keys[-3:]]


def check_cycle_collected(solution):
    loader = Loader()
    rows = solution.IdentityMap(loader)
    order, customer = rows.get("order:1"), rows.get("customer:9")
    order.links.append(customer)
    customer.links.append(order)  # a reference cycle: refcounting alone never frees it
    probes = [weakref.ref(order), weakref.ref(customer)]
    del order, customer
    gc.collect()
    assert all(p() is None for p in probes), "the two rows in a cycle survived gc.collect()"
    state = [len(rows), sorted(rows.keys())]
    assert state == [0, []], f"after the cycle was collected, the map still reports {state}"
    return state


def check_loader_errors(solution):
    calls = []

    def loader(key):
        calls.append(key)
        if key == "missing":
            raise LookupError(f"no row {key}")
        if key == "count":
            return 17
        return Row(key, len(calls))

    rows = solution.IdentityMap(loader)
    outcomes = []
    for key in ("missing", "missing", "count"):
        try:
            rows.get(key)
        except LookupError:
            outcomes.append([key, "LookupError"])
        except TypeError:
            outcomes.append([key, "TypeError"])
        else:
            raise AssertionError(f"get({key!r}) returned normally")
    assert "missing" not in rows and len(rows) == 0, "a failed load left an entry behind"
    return [outcomes, calls]


def check_reentrant_loader(solution):
    calls = []

    def loader(key):
        calls.append(key)
        row = Row(key, len(calls))
        if key.startswith("line:"):
            row.links.append(rows.get("order:1"))  # a line item loads its order
        return row

    rows = solution.IdentityMap(loader)
    first, second = rows.get("line:1"), rows.get("line:2")
    order = rows.get("order:1")
    assert first.links[0] is order and second.links[0] is order, (
        "two line items loaded different objects for the same order"
    )
    return [calls, sorted(rows.keys())]
