class Clock:
    """A clock that only moves when the check says so."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


def counting(result=None):
    """A function that records each real call and returns `result` (or its arguments)."""
    calls = []

    def fn(*args, **kwargs):
        calls.append([list(args), dict(sorted(kwargs.items()))])
        return result if result is not None else (args, kwargs)

    return fn, calls


def check_caches_per_arguments(solution):
    fn, calls = counting()
    cached = solution.ttl_cache(60, clock=Clock())(fn)
    results = [cached(1), cached(1), cached(2), cached(1, scale=3), cached(2), cached(1)]
    assert len(calls) == 3, (
        f"6 calls with 3 distinct argument lists ran the function {len(calls)} times, expected 3"
    )
    assert results[0] is results[1], "a cache hit must return the stored object itself"
    return calls


def check_keyword_order_does_not_matter(solution):
    fn, calls = counting()
    cached = solution.ttl_cache(60, clock=Clock())(fn)
    cached(base="EUR", quote="USD")
    cached(quote="USD", base="EUR")
    cached("x", b=2, a=1)
    cached("x", a=1, b=2)
    assert len(calls) == 2, (
        f"the same two calls with keywords in a different order ran the function {len(calls)} "
        "times, expected 2"
    )
    return calls


def check_caches_falsy_results(solution):
    ran = []
    for value in (None, 0, "", []):
        count = [0]

        def fn(x, value=value, count=count):
            count[0] += 1
            return value

        cached = solution.ttl_cache(60, clock=Clock())(fn)
        for _ in range(3):
            cached("same")
        ran.append(count[0])
    assert ran == [1, 1, 1, 1], (
        f"functions returning None, 0, '' and [] ran {ran} times for 3 identical calls each; "
        "each should run once"
    )
    return ran


def check_entries_expire(solution):
    clock = Clock(1000.0)
    fn, calls = counting()
    cached = solution.ttl_cache(10, clock=clock)(fn)
    timeline = []
    for at in (1000.0, 1004.0, 1009.5, 1010.0, 1015.0, 1019.99, 1020.0):
        clock.now = at
        cached("rate")
        timeline.append([at, len(calls)])
    expected = [
        [1000.0, 1],
        [1004.0, 1],
        [1009.5, 1],
        [1010.0, 2],
        [1015.0, 2],
        [1019.99, 2],
        [1020.0, 3],
    ]
    assert timeline == expected, (
        "with seconds=10, a value stored at t=1000 must be served until t<1010 and recomputed at "
        f"1010, then served until 1020; (time, real calls so far) were {timeline}"
    )
    return timeline


def check_uses_injected_clock(solution):
    clock = Clock(50.0)
    fn, calls = counting()
    cached = solution.ttl_cache(1, clock=clock)(fn)
    cached(7)
    clock.now = 5000.0
    cached(7)
    assert len(calls) == 2, (
        "after the injected clock moved 4950 s past a 1 s TTL the entry was still served; "
        "read the time through `clock`, not the time module"
    )
    return len(calls)


def check_errors_are_not_cached(solution):
    attempts = []

    def flaky(key):
        attempts.append(key)
        if len(attempts) == 1:
            raise ConnectionError("upstream timeout")
        return f"value of {key}"

    cached = solution.ttl_cache(60, clock=Clock())(flaky)
    try:
        cached("k")
    except ConnectionError:
        pass
    else:
        raise AssertionError("the first call raised ConnectionError, but the wrapper returned")
    second = cached("k")
    third = cached("k")
    assert len(attempts) == 2, (
        f"after a failed call, two more calls ran the function {len(attempts) - 1} times; "
        "expected once (the failure stores nothing, the success is cached)"
    )
    return [second, third]


def check_cache_clear_empties(solution):
    fn, calls = counting()
    cached = solution.ttl_cache(60, clock=Clock())(fn)
    assert callable(getattr(cached, "cache_clear", None)), (
        "the decorated function has no cache_clear() method"
    )
    cached(1)
    cached(2)
    cached.cache_clear()
    cached(1)
    cached(2)
    cached(1)
    assert len(calls) == 4, (
        f"after cache_clear() the function ran {len(calls) - 2} times, expected 2"
    )
    return calls


def check_keeps_metadata(solution):
    @solution.ttl_cache(30)
    def exchange_rate(base, quote):
        """Fetch the current rate from the upstream API."""
        return 1.25

    return [exchange_rate.__name__, exchange_rate.__doc__, exchange_rate("EUR", "USD")]
