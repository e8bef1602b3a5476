import asyncio
import inspect


class Clock:
    """A fake clock: reading it never moves it, the checked functions advance it."""

    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


def recorder():
    entries = []
    return entries, lambda name, seconds: entries.append([name, seconds])


class Parser:
    def __init__(self, clock):
        self.clock = clock

    def parse(self, text):
        """Split a CSV line."""
        self.clock.advance(2.5)
        return text.split(",")


def check_sync_logs_elapsed(solution):
    clock = Clock()
    logged, log = recorder()
    parser = Parser(clock)
    parser.parse = solution.timed(log, clock=clock)(parser.parse)
    result = parser.parse("a,b,c")
    assert result == ["a", "b", "c"], f"the decorated call returned {result!r}"
    assert len(logged) == 1, f"one call was logged {len(logged)} times"
    return logged


def check_sync_logs_when_raising(solution):
    clock = Clock()
    logged, log = recorder()

    @solution.timed(log, clock=clock)
    def validate(order):
        clock.advance(0.75)
        raise ValueError(f"order {order} has no lines")

    try:
        validate(17)
    except ValueError as exc:
        message = str(exc)
    else:
        raise AssertionError("the function raised ValueError but the decorated call returned")
    assert logged, "a call that raised was not logged"
    return [message, logged]


def check_async_stays_a_coroutine_function(solution):
    _, log = recorder()

    async def fetch(url):
        """Fetch a page."""
        await asyncio.sleep(0)
        return f"<html>{url}</html>"

    wrapped = solution.timed(log, clock=Clock())(fetch)
    assert inspect.iscoroutinefunction(wrapped), (
        "timed(log)(an async def function) must itself be an async def function "
        "(inspect.iscoroutinefunction was false)"
    )
    return asyncio.run(wrapped("/home"))


def check_async_times_the_await(solution):
    clock = Clock()
    logged, log = recorder()

    @solution.timed(log, clock=clock)
    async def fetch_user(user_id):
        for _ in range(4):
            await asyncio.sleep(0)
            clock.advance(1.25)
        return {"id": user_id}

    async def main():
        return await fetch_user(42)

    user = asyncio.run(main())
    assert logged != [["check_async_times_the_await.<locals>.fetch_user", 0.0]], (
        "the coroutine took 5.0 s (fake clock) but 0.0 was logged: the time measured must "
        "cover awaiting it, not calling the function"
    )
    return [user, logged]


def check_async_logs_when_raising(solution):
    clock = Clock()
    logged, log = recorder()

    @solution.timed(log, clock=clock)
    async def charge(amount):
        await asyncio.sleep(0)
        clock.advance(3.0)
        raise TimeoutError("payment gateway did not answer")

    async def main():
        try:
            await charge(10)
        except TimeoutError as exc:
            return str(exc)
        raise AssertionError("the coroutine raised TimeoutError but awaiting the wrapper returned")

    message = asyncio.run(main())
    assert logged, "a coroutine that raised was not logged"
    return [message, logged]


def check_keeps_metadata(solution):
    _, log = recorder()

    class Repo:
        def load(self, key):
            """Load one row."""
            return key

        async def aload(self, key):
            """Load one row without blocking."""
            return key

    result = []
    for func in (Repo.load, Repo.aload):
        wrapped = solution.timed(log)(func)
        result.append([wrapped.__name__, wrapped.__qualname__, wrapped.__doc__])
    return result
