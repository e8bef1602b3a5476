import asyncio
import traceback


def describe(exc):
    where = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {where[-1].lineno}, in {where[-1].name})" if where else text


async def run_fetch_all(solution, aws, timeout):
    try:
        outcomes = await solution.fetch_all(aws, timeout)
    except Exception as exc:
        raise AssertionError(
            f"fetch_all() raised {describe(exc)}; an item's failure is that item's outcome"
        ) from None
    return [list(outcome) for outcome in outcomes]


class Items:
    """Awaitables with a known fate, recording when they start and when their cleanup runs."""

    def __init__(self):
        self.started, self.cleaned = [], []

    async def value(self, result, switches=0):
        self.started.append(result)
        for _ in range(switches):
            await asyncio.sleep(0)
        return result

    async def hang(self, name, cleanup_awaits=False):
        """Never finishes on its own, like a request to a server that stopped answering."""
        self.started.append(name)
        try:
            await asyncio.Event().wait()
        finally:
            if cleanup_awaits:  # closing a connection can itself take an await or two
                await asyncio.sleep(0)
                await asyncio.sleep(0)
            self.cleaned.append(name)

    async def fail(self, exc):
        await asyncio.sleep(0)
        raise exc


def pending_tasks():
    return [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()]


def check_results_in_input_order(solution):
    async def main():
        items = Items()
        # The first item finishes last and the last first.
        aws = [items.value(f"item {i}", switches=5 - i) for i in range(5)]
        return [await run_fetch_all(solution, aws, 5.0), await run_fetch_all(solution, [], 5.0)]

    outcomes, empty = asyncio.run(main())
    expected = [["ok", f"item {i}"] for i in range(5)]
    assert outcomes == expected, (
        f"items finishing in reverse order gave {outcomes}; outcomes go in input order"
    )
    assert empty == [], f"fetch_all([]) returned {empty!r}"
    return outcomes


def check_slow_items_time_out(solution):
    async def main():
        items = Items()
        aws = [items.value("a"), items.hang("b"), items.value("c", switches=2), items.hang("d")]
        return await run_fetch_all(solution, aws, 1.0)

    outcomes = asyncio.run(main())
    expected = [["ok", "a"], ["timeout", None], ["ok", "c"], ["timeout", None]]
    assert outcomes == expected, f"expected {expected}, got {outcomes}"
    return outcomes


def check_items_run_concurrently(solution):
    async def main():
        everyone_started = asyncio.Event()
        arrived = []

        async def meet(name):
            arrived.append(name)
            if len(arrived) == 4:
                everyone_started.set()
            await everyone_started.wait()
            return name

        return await run_fetch_all(solution, [meet(n) for n in "abcd"], 1.0)

    outcomes = asyncio.run(main())
    expected = [["ok", name] for name in "abcd"]
    assert outcomes == expected, (
        f"four items that each wait until all four have started gave {outcomes}: the items must "
        "run at the same time, each with its own timeout, not one after another"
    )
    return outcomes


def check_errors_are_isolated(solution):
    async def main():
        items = Items()
        aws = [
            items.fail(ValueError("bad input")),
            items.value(42, switches=3),
            items.fail(KeyError("user")),
            items.hang("slow"),
        ]
        return await run_fetch_all(solution, aws, 1.0)

    outcomes = asyncio.run(main())
    return outcomes


def check_timed_out_items_are_cleaned_up(solution):
    async def main():
        items = Items()
        aws = [items.hang("a"), items.value("b"), items.hang("c", cleanup_awaits=True)]
        outcomes = await run_fetch_all(solution, aws, 0.3)
        cleaned, left = sorted(items.cleaned), len(pending_tasks())
        assert cleaned == ["a", "c"] and left == 0, (
            f"when fetch_all() returned, the cleanup of timed-out items a and c had run for "
            f"{cleaned or 'neither'}, and {left} tasks were still running: cancel what timed out "
            "and wait until the cancellation has finished"
        )
        return [outcomes, cleaned]

    return asyncio.run(main())


def check_cancellation_propagates(solution):
    async def main():
        items = Items()
        aws = [items.hang("a"), items.hang("b", cleanup_awaits=True), items.hang("c")]
        task = asyncio.ensure_future(solution.fetch_all(aws, 10.0))
        for _ in range(100):
            if len(items.started) == 3:
                break
            await asyncio.sleep(0)
        assert len(items.started) == 3, "the three items never all started"
        task.cancel()
        try:
            value = await task
        except asyncio.CancelledError:
            pass
        else:
            raise AssertionError(
                f"fetch_all() was cancelled but returned {value!r}: never swallow "
                "CancelledError, re-raise it after cleaning up"
            )
        cleaned, left = sorted(items.cleaned), len(pending_tasks())
        assert cleaned == ["a", "b", "c"] and left == 0, (
            f"fetch_all() was cancelled; by the time it raised CancelledError the cleanup of "
            f"{cleaned or 'no item'} of a, b, c had run and {left} tasks were still running: "
            "cancelling fetch_all must cancel every item and wait for them"
        )
        return ["cancelled", cleaned]

    return asyncio.run(main())
