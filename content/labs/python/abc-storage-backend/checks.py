def _recording_backend(solution):
    """A backend the candidate has never seen: a dict plus a log of primitive calls."""

    class DictBackend(solution.Storage):
        def __init__(self):
            self.data, self.calls = {}, []

        def _read(self, key):
            self.calls.append(["read", key])
            return self.data[key]

        def _write(self, key, data):
            self.calls.append(["write", key])
            self.data[key] = data

        def _delete(self, key):
            self.calls.append(["delete", key])
            del self.data[key]

        def keys(self):
            return sorted(self.data)

    return DictBackend()


def _contents(storage):
    return {key: storage.get(key).decode() for key in storage.keys()}  # noqa: SIM118


def check_abc_cannot_be_instantiated(solution):
    try:
        solution.Storage()
    except TypeError:
        pass
    else:
        raise AssertionError("Storage() created an instance; an abstract base class must refuse")
    abstract = sorted(getattr(solution.Storage, "__abstractmethods__", ()))
    assert abstract == ["_delete", "_read", "_write", "keys"], (
        f"Storage's abstract methods are {abstract}; expected exactly the four primitives"
    )
    return abstract


def check_incomplete_subclass_rejected(solution):
    class NoDelete(solution.Storage):
        def _read(self, key):
            return b""

        def _write(self, key, data):
            pass

        def keys(self):
            return []

    try:
        NoDelete()
    except TypeError as exc:
        assert "_delete" in str(exc), f"the TypeError does not name _delete: {exc}"
        return True
    raise AssertionError(
        "a subclass without _delete was instantiated; it should fail at construction time"
    )


def check_put_validates_before_writing(solution):
    store = _recording_backend(solution)
    outcomes = []
    for key, data in [("", b"x"), ("a:b", b"x"), ("k", "text"), ("k", bytearray(b"x"))]:
        try:
            store.put(key, data)
        except (TypeError, ValueError) as exc:
            outcomes.append([key, type(exc).__name__])
        else:
            raise AssertionError(f"put({key!r}, {data!r}) was accepted")
    assert store.calls == [], f"invalid input reached the primitives: {store.calls}"
    store.put("k", b"v")
    assert store.calls == [["write", "k"]], f"put('k', b'v') made the calls {store.calls}"
    return outcomes


def check_template_works_on_any_subclass(solution):
    store = _recording_backend(solution)
    store.put("a", b"1")
    store.put("a", b"2")
    got = [store.get("a"), store.get("missing"), store.get("missing", b"fallback")]
    memory = solution.MemoryStorage()
    memory.put("z", b"zz")
    report_in = store.sync_to(memory)
    report_out = memory.sync_to(_recording_backend(solution))
    return [
        [None if g is None else g.decode() for g in got],
        report_in,
        report_out,
        _contents(memory),
    ]


def check_sync_writes_only_differences(solution):
    source = solution.MemoryStorage()
    for key, data in [("a", b"1"), ("b", b"2"), ("c", b"3")]:
        source.put(key, data)
    target = _recording_backend(solution)
    target.data.update({"b": b"2", "c": b"old", "x": b"stale", "y": b"stale"})
    first = source.sync_to(target)
    writes = sorted(c[1] for c in target.calls if c[0] == "write")
    assert writes == ["a", "c"], f"sync_to wrote {writes}; 'b' was already identical"
    assert _contents(target) == _contents(source), (
        f"after sync_to the target holds {_contents(target)}, the source {_contents(source)}"
    )
    target.calls.clear()
    second = source.sync_to(target)
    changed = [c for c in target.calls if c[0] != "read"]
    assert changed == [], f"a second sync_to of identical stores still made {changed}"
    return [first, second]


def check_namespaces_are_isolated(solution):
    shared = {}
    users = solution.NamespacedStorage(shared, "users")
    orders = solution.NamespacedStorage(shared, "orders")
    users.put("42", b"ada")
    orders.put("42", b"book")
    orders.put("7", b"pen")
    seen = [users.keys(), orders.keys()]
    assert seen[0] == ["42"], f"users.keys() returned {seen[0]}, expected ['42']"
    report = users.sync_to(orders)
    assert orders.keys() == ["42"] and orders.get("42") == b"ada", (
        f"after users.sync_to(orders), orders holds {_contents(orders)}"
    )
    return [seen, report, sorted(shared), users.get("7")]
