class Flaky:
    """Fails `failures` times with `error`, then returns its arguments."""

    def __init__(self, failures, error=ConnectionError):
        self.failures, self.error, self.calls = failures, error, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error(f"attempt {self.calls} failed")
        return args, kwargs


def check_passes_through_success(solution):
    waits = []
    flaky = Flaky(0)
    wrapped = solution.retry(3, sleep=waits.append)(flaky)
    result = wrapped(1, b=2)
    assert flaky.calls == 1, f"a successful call ran {flaky.calls} times"
    return [list(result[0]), result[1], waits]


def check_retries_then_succeeds(solution):
    waits = []
    flaky = Flaky(2)
    result = solution.retry(3, base_delay=1, sleep=waits.append)(flaky)("x")
    assert flaky.calls == 3, f"expected 3 attempts, the function ran {flaky.calls} times"
    return [list(result[0]), waits]


def check_gives_up_and_reraises(solution):
    flaky = Flaky(10)
    wrapped = solution.retry(4, sleep=lambda s: None)(flaky)
    try:
        wrapped()
    except ConnectionError as exc:
        assert str(exc) == "attempt 4 failed", f"re-raised {exc!r}, not the last attempt's error"
        return flaky.calls
    raise AssertionError("after 4 failed attempts the call returned instead of raising")


def check_only_listed_exceptions(solution):
    flaky = Flaky(1, error=KeyError)
    wrapped = solution.retry(3, exceptions=(ConnectionError,), sleep=lambda s: None)(flaky)
    try:
        wrapped()
    except KeyError:
        return flaky.calls
    raise AssertionError("a KeyError was retried, but only ConnectionError should be")


def check_delays_double(solution):
    waits = []
    wrapped = solution.retry(5, base_delay=0.5, sleep=waits.append)(Flaky(10))
    try:
        wrapped()
    except ConnectionError:
        pass
    return waits


def check_keeps_metadata(solution):
    @solution.retry(2)
    def fetch_user(user_id):
        """Load one user."""
        return user_id

    return [fetch_user.__name__, fetch_user.__doc__, fetch_user(7)]
