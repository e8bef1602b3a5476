"""Checks for rate-limit-middleware: apps built with a fake clock that the checks move by hand,
so every verdict follows from the rules, never from how fast the requests run."""

import traceback

from fastapi.testclient import TestClient


class FakeClock:
    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


def _call(client, method, url, **kwargs):
    """The response; a crash inside the app becomes a finding naming the line of solution.py."""
    try:
        return client.request(method, url, **kwargs)
    except Exception as exc:
        raise AssertionError(
            f"{method} {url} crashed the app with {_crash(exc)} (a client would get a 500)"
        ) from None


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f.lineno for f in frames if f.filename == "solution.py"]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


def _app(solution, limit=3, window=10.0):
    clock = FakeClock()
    app = solution.create_app(limit=limit, window_seconds=window, clock=clock)
    return TestClient(app), clock


def _hit(client, clock, at, key="alice", path="/ping"):
    """(status, Retry-After) of one request sent at clock time `at`."""
    clock.now = at
    headers = {} if key is None else {"X-API-Key": key}
    response = _call(client, "GET", path, headers=headers)
    retry_after = response.headers.get("retry-after")
    if response.status_code == 429:
        assert retry_after is not None, f"a 429 at t={at} has no Retry-After header"
        assert retry_after.isdigit(), (
            f"Retry-After at t={at} is {retry_after!r}; expected a whole number of seconds"
        )
        assert response.json() == {"detail": "rate limit exceeded"}, (
            f"the 429 body is {response.text[:200]}; expected {{'detail': 'rate limit exceeded'}}"
        )
    elif response.status_code != 200:
        raise AssertionError(
            f"GET {path} at t={at} returned {response.status_code}: {response.text[:200]}"
        )
    return [response.status_code, retry_after and int(retry_after)]


def _timeline(client, clock, times, key="alice"):
    return {f"t={t - 1000:g}": _hit(client, clock, t, key) for t in times}


def _expect(timeline, moment, status, why):
    got = timeline[moment][0]
    assert got == status, f"limit=3, window=10 s: the request at {moment} got {got}; {why}"


def check_allows_up_to_limit(solution):
    client, clock = _app(solution)
    burst = [_hit(client, clock, 1000) for _ in range(4)]
    assert [status for status, _ in burst] == [200, 200, 200, 429], (
        f"limit=3: four requests at the same moment got {[s for s, _ in burst]};"
        " expected 200, 200, 200, 429"
    )
    return burst


def check_retry_after_counts_down(solution):
    client, clock = _app(solution)
    timeline = _timeline(client, clock, [1000, 1001, 1002, 1003, 1007.25, 1009.5])
    expected = {"t=3": 7, "t=7.25": 3, "t=9.5": 1}
    for moment, seconds in expected.items():
        assert timeline[moment] == [429, seconds], (
            f"limit=3, window=10 s, requests at t=0,1,2: the request at {moment} got"
            f" {timeline[moment]}; expected 429 with Retry-After {seconds} (the seconds until"
            " t=0 leaves the window, rounded up)"
        )
    return timeline


def check_window_slides(solution):
    client, clock = _app(solution)
    timeline = _timeline(client, clock, [1000, 1001, 1002, 1010, 1010.5, 1011, 1011.5])
    _expect(timeline, "t=10", 200, "t=0 has left the window (t-10, t], so there is room")
    _expect(
        timeline,
        "t=10.5",
        429,
        "t=1, t=2 and t=10 are all inside (0.5, 10.5]: a sliding window has no reset at t=10",
    )
    _expect(timeline, "t=11", 200, "t=1 has left the window (1, 11]")
    return timeline


def check_rejected_requests_do_not_count(solution):
    client, clock = _app(solution)
    timeline = _timeline(client, clock, [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1009])
    timeline |= _timeline(client, clock, [1010, 1011, 1012])
    _expect(timeline, "t=10", 200, "only accepted requests count, and t=0 has left the window")
    _expect(timeline, "t=11", 200, "the rejected requests at t=3..9 must not count")
    return timeline


def check_clients_are_independent(solution):
    client, clock = _app(solution)
    for _ in range(4):
        _hit(client, clock, 1000, key="alice")
    others = [_hit(client, clock, 1000, key="bob", path=p) for p in ["/ping", "/items", "/ping"]]
    assert [s for s, _ in others] == [200, 200, 200], (
        f"once alice was throttled, bob's first three requests got {[s for s, _ in others]}:"
        " each client has its own allowance"
    )
    anonymous = [_hit(client, clock, 1000, key=None) for _ in range(4)]
    still_alice = _hit(client, clock, 1000, key="alice", path="/items")
    assert still_alice[0] == 429, "alice was throttled on /ping but not on /items"
    return [others, anonymous, still_alice]


def check_health_is_never_limited(solution):
    client, clock = _app(solution)
    health = [_hit(client, clock, 1000, path="/health")[0] for _ in range(5)]
    assert health == [200] * 5, f"five GET /health in a row got {health}; /health is exempt"
    pings = [_hit(client, clock, 1000)[0] for _ in range(4)]
    assert pings[:3] == [200, 200, 200], (
        f"after five /health calls, /ping got {pings}: /health must not count"
    )
    after = _hit(client, clock, 1000, path="/health")
    assert after[0] == 200, "a throttled client got 429 from /health"
    return [health, pings, after]


def check_apps_do_not_share_state(solution):
    first, first_clock = _app(solution)
    for _ in range(3):
        _hit(first, first_clock, 1000)
    second, second_clock = _app(solution, limit=2)
    fresh = [_hit(second, second_clock, 1000)[0] for _ in range(3)]
    assert fresh[:2] == [200, 200], (
        f"a new app from create_app(limit=2) answered {fresh} to a client that only used"
        " another app: keep the counters inside each app"
    )
    return fresh


def check_module_app_uses_defaults(solution):
    client = TestClient(solution.app)
    statuses, retry_after = [], None
    for _ in range(6):
        response = _call(client, "GET", "/ping", headers={"X-API-Key": "defaults-check"})
        statuses.append(response.status_code)
        retry_after = response.headers.get("retry-after")
    assert statuses == [200] * 5 + [429], (
        f"the module-level app answered {statuses} to six quick requests; the defaults are"
        " limit=5 per 60 seconds"
    )
    # The real clock moves while the requests run, so allow for a slow machine.
    assert retry_after is not None and retry_after.isdigit() and 45 <= int(retry_after) <= 60, (
        f"Retry-After right after five requests was {retry_after!r}; expected about 60 seconds"
    )
    return statuses
