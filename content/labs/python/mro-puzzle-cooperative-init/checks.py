CLIENT_ARGS = {
    "name": "billing",
    "base_url": "https://billing.internal",
    "retries": 5,
    "level": "WARNING",
}


def _make(cls, **kwargs):
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise AssertionError(f"{cls.__name__}(**{kwargs}) raised TypeError: {exc}") from None


def _traced(classes, build):
    """Run build() while every __init__ defined by `classes` records its class name."""
    calls, saved = [], []
    for cls in classes:
        original = cls.__dict__.get("__init__")
        if original is None or cls is object:
            continue

        def wrapper(self, *args, __original=original, __name=cls.__name__, **kwargs):
            calls.append(__name)
            return __original(self, *args, **kwargs)

        saved.append((cls, original))
        cls.__init__ = wrapper
    try:
        build()
    finally:
        for cls, original in saved:
            cls.__init__ = original
    return calls


def _once_in_mro_order(cls, calls):
    expected = [c.__name__ for c in cls.__mro__ if "__init__" in c.__dict__ and c is not object]
    assert calls == expected, (
        f"building {cls.__name__} ran the __init__ methods {calls}; "
        f"expected each once, in MRO order: {expected}"
    )


def check_mro_order(solution):
    return [c.__name__ for c in solution.ApiClient.__mro__]


def check_each_init_runs_once(solution):
    cls = solution.ApiClient
    calls = _traced(cls.__mro__, lambda: _make(cls, **CLIENT_ARGS))
    _once_in_mro_order(cls, calls)
    return calls


def check_state_after_init(solution):
    client = _make(solution.ApiClient, **CLIENT_ARGS)
    defaults = _make(solution.ApiClient, name="n", base_url="u")
    assert client.features == ["log", "retry", "cache", "api"], (
        f"features is {client.features}; each class should have appended once, after super()"
    )
    return [
        [client.name, client.base_url, client.cache_size, client.retries, client.level],
        [defaults.cache_size, defaults.retries, defaults.level],
        client.features,
    ]


def check_bad_arguments_rejected(solution):
    results = []
    for label, build in [
        ("unknown keyword", lambda: solution.ApiClient(**CLIENT_ARGS, timeout=3)),
        ("missing base_url", lambda: solution.ApiClient(name="billing")),
        ("positional name", lambda: solution.Logged("audit")),
        ("unknown keyword on a base", lambda: solution.Cached(name="c", colour="red")),
    ]:
        try:
            build()
        except TypeError:
            results.append(label)
        else:
            raise AssertionError(f"{label}: the call was accepted; it should raise TypeError")
    return results


def check_other_compositions(solution):
    class Worker(solution.Logged, solution.Cached):
        pass

    worker_calls = _traced(Worker.__mro__, lambda: _make(Worker, name="w", level="DEBUG"))
    _once_in_mro_order(Worker, worker_calls)
    worker = _make(Worker, name="w", cache_size=8)
    single = _make(solution.Retrying, name="r")
    return [worker_calls, worker.features, worker.cache_size, single.features, single.retries]


def check_cooperates_with_foreign_class(solution):
    class Traced:
        """A cooperative class that knows nothing of Component."""

        def __init__(self, *, trace_id, **kwargs):
            super().__init__(**kwargs)
            self.trace_id = trace_id

    class TracedClient(solution.ApiClient, Traced):
        pass

    order = [c.__name__ for c in TracedClient.__mro__]
    calls = _traced(
        TracedClient.__mro__, lambda: _make(TracedClient, trace_id="t-1", **CLIENT_ARGS)
    )
    _once_in_mro_order(TracedClient, calls)
    client = _make(TracedClient, trace_id="t-1", **CLIENT_ARGS)
    return [order, calls, client.trace_id, client.features]
