import asyncio
import pickle
import statistics
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor

#: How many turns a ticker coroutine must get while the blocking call waits for them.
TICKS = 3
#: Wall seconds a blocking call waits for those turns before concluding the loop is frozen.
PATIENCE = 2.0


class RecordingExecutor(ThreadPoolExecutor):
    """A thread pool standing in for the process pool: it records what is submitted to it and,
    when asked, checks that each task could be pickled and sent to another process."""

    def __init__(self, pickle_tasks):
        super().__init__(max_workers=2)
        self.pickle_tasks = pickle_tasks
        self.submitted = []
        self.unpicklable = []

    def submit(self, fn, /, *args, **kwargs):
        self.submitted.append(fn)
        if self.pickle_tasks:
            try:
                pickle.dumps((fn, args, kwargs))
            except Exception as exc:
                self.unpicklable.append(f"{type(exc).__name__}: {exc}")
        return super().submit(fn, *args, **kwargs)


def describe(exc):
    where = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {where[-1].lineno}, in {where[-1].name})" if where else text


class Ticker:
    """A coroutine that counts its turns on the event loop once armed. A blocking function
    calls wait_for_turns(): it returns True once the ticker has had TICKS turns, which can only
    happen if the loop is free while the function runs."""

    def __init__(self):
        self.armed = threading.Event()
        self.enough = threading.Event()
        self.turns = 0
        self.stop = False

    async def run(self):
        while not self.stop:
            if self.armed.is_set():
                self.turns += 1
                if self.turns >= TICKS:
                    self.enough.set()
            await asyncio.sleep(0)

    def wait_for_turns(self):
        self.armed.set()
        return self.enough.wait(PATIENCE)


def with_ticker(ticker, call):
    """Run the coroutine call() on a fresh event loop, next to the ticker; its result."""

    async def main():
        task = asyncio.ensure_future(ticker.run())
        try:
            return await call()
        finally:
            ticker.stop = True
            await task

    return asyncio.run(main())


def check_loop_runs_during_blocking_io(solution):
    ticker, seen = Ticker(), {}
    executor = RecordingExecutor(pickle_tasks=False)

    def load_rows(name):
        seen["loop was free"] = ticker.wait_for_turns()
        return [4, 5, 6]

    service = solution.ReportService(load_rows, sum, cpu_executor=executor)
    try:
        total = with_ticker(ticker, lambda: service.report("daily"))
    finally:
        executor.shutdown()
    assert seen["loop was free"], (
        f"while load_rows() waited, other coroutines did not get {TICKS} turns in "
        f"{PATIENCE:.0f} s: it ran on the event loop's thread and froze every coroutine. Run "
        "blocking calls in a thread (asyncio.to_thread)"
    )
    return total


def check_loop_runs_during_cpu_work(solution):
    ticker, seen = Ticker(), {}
    executor = RecordingExecutor(pickle_tasks=False)

    def summarize(rows):
        seen["loop was free"] = ticker.wait_for_turns()
        return max(rows)

    service = solution.ReportService(lambda name: [1, 9, 2], summarize, cpu_executor=executor)
    try:
        top = with_ticker(ticker, lambda: service.report("daily"))
    finally:
        executor.shutdown()
    assert seen["loop was free"], (
        f"while summarize() computed, other coroutines did not get {TICKS} turns in "
        f"{PATIENCE:.0f} s: it ran on the event loop's thread and froze every coroutine"
    )
    return top


def runs(fn, target):
    return fn is target or getattr(fn, "func", None) is target


def check_cpu_work_goes_to_the_executor(solution):
    rows = {"north": [3, 1, 4], "south": [1, 5, 9, 2]}

    def load_rows(name):
        return rows[name]

    executor = RecordingExecutor(pickle_tasks=True)
    service = solution.ReportService(load_rows, sum, cpu_executor=executor)
    try:
        totals = asyncio.run(service.report_many(["north", "south"]))
    finally:
        executor.shutdown()
    assert not any(runs(fn, load_rows) for fn in executor.submitted), (
        "load_rows() was sent to cpu_executor: it is blocking I/O, which belongs in a thread; a "
        "process pool would have to pickle it, and would gain nothing"
    )
    assert not executor.unpicklable, (
        f"a task submitted to cpu_executor cannot be pickled ({executor.unpicklable[0]}), so a "
        "ProcessPoolExecutor could not run it: submit `summarize` itself with its arguments, "
        "not a lambda around it"
    )
    on_executor = sum(runs(fn, sum) for fn in executor.submitted)
    assert on_executor == 2, (
        f"two reports ran summarize() {on_executor} times on cpu_executor: CPU-bound work must "
        "run there (a process pool in production). A thread would not do: pure-Python "
        "computation holds the GIL, so it competes with the event loop instead of running "
        "beside it"
    )
    return totals


def check_report_many_is_concurrent(solution):
    lock = threading.Lock()
    state = {"started": 0, "overlapped": []}
    everyone = threading.Event()

    def load_rows(name):
        with lock:
            state["started"] += 1
            if state["started"] == 3:
                everyone.set()
        state["overlapped"].append(everyone.wait(PATIENCE))
        return [len(name)]

    executor = RecordingExecutor(pickle_tasks=False)
    service = solution.ReportService(load_rows, sum, cpu_executor=executor)
    try:
        totals = asyncio.run(service.report_many(["a", "bb", "ccc"]))
    finally:
        executor.shutdown()
    assert all(state["overlapped"]), (
        "report_many() loaded the three reports one after another: each load_rows() waited in "
        "vain for the others to start. Start all the reports, then wait for them together"
    )
    return totals


def check_errors_propagate(solution):
    def load_rows(name):
        if name == "missing":
            raise FileNotFoundError(f"no report named {name!r}")
        return []

    executor = RecordingExecutor(pickle_tasks=False)
    service = solution.ReportService(load_rows, statistics.mean, cpu_executor=executor)
    raised = []
    try:
        for name in ("missing", "empty"):
            try:
                asyncio.run(service.report(name))
            except (FileNotFoundError, statistics.StatisticsError) as exc:
                raised.append([type(exc).__name__, str(exc)])
            except Exception as exc:
                raise AssertionError(
                    f"report({name!r}) raised {describe(exc)}, not the original error"
                ) from None
    finally:
        executor.shutdown()
    assert len(raised) == 2, f"only {raised} propagated; report() must raise what failed"
    return raised
