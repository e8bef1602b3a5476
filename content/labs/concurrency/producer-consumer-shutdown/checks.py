import threading
import time
import traceback

#: Wall seconds close() gets once nothing it waits for is blocked.
PROMPT = 3.0


class Call(threading.Thread):
    """Runs fn() on its own thread, so a check can give up on a call that never returns."""

    def __init__(self, fn, *args):
        super().__init__(daemon=True)
        self.fn, self.args = fn, args
        self.error = None
        self.finished = threading.Event()

    def run(self):
        try:
            self.fn(*self.args)
        except BaseException as exc:
            self.error = exc
        finally:
            self.finished.set()


def describe(exc):
    where = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {where[-1].lineno}, in {where[-1].name})" if where else text


def close(pool, limit=PROMPT):
    """pool.close(), failing the check (instead of hanging the run) if it does not return."""
    call = Call(pool.close)
    call.start()
    call.finished.wait(limit)
    if call.error is not None:
        raise AssertionError(f"close() raised {describe(call.error)}")
    alive = sum(t.is_alive() for t in pool.threads)
    assert call.finished.is_set(), (
        f"close() had not returned after {limit:.0f} s; {alive} of {len(pool.threads)} workers "
        "are still running: does every worker get told to stop?"
    )


class Recorder:
    """A handle() that records what it was given (list.append is atomic)."""

    def __init__(self, fail_on=()):
        self.seen = []
        self.fail_on = set(fail_on)

    def __call__(self, item):
        time.sleep(0)
        if item in self.fail_on:
            raise ValueError(f"cannot handle {item}")
        self.seen.append(item)


def check_processes_every_item(solution):
    handle = Recorder()
    pool = solution.WorkerPool(handle, workers=4)
    for item in range(200):
        pool.submit(item)
    close(pool)
    seen = sorted(handle.seen)
    assert len(seen) == len(set(seen)), "some items were handled more than once"
    missing = sorted(set(range(200)) - set(seen))
    assert not missing, (
        f"close() returned but {len(missing)} of 200 submitted items were never handled "
        f"(the first: {missing[:5]})"
    )
    return len(seen)


def check_workers_exit_on_close(solution):
    pool = solution.WorkerPool(Recorder(), workers=3)
    threads = pool.threads
    started = sum(t.ident is not None for t in threads)
    assert len(threads) == 3 and started == 3, (
        f"WorkerPool(workers=3) reports {len(threads)} threads, {started} of them started"
    )
    daemons = [t.name for t in threads if t.daemon]
    assert not daemons, (
        f"{len(daemons)} workers are daemon threads: the interpreter kills those at exit in the "
        "middle of an item; use non-daemon workers and stop them with close()"
    )
    for item in range(10):
        pool.submit(item)
    close(pool)
    alive = [t.name for t in threads if t.is_alive()]
    assert not alive, f"close() returned while {len(alive)} of 3 workers were still running"
    return [len(threads), len(alive)]


def check_close_drains_queue(solution):
    gate = threading.Event()
    handle = Recorder()

    def slow(item):
        gate.wait(10)
        handle(item)

    pool = solution.WorkerPool(slow, workers=2)
    for item in range(12):
        pool.submit(item)
    closing = Call(pool.close)
    closing.start()
    returned_early = closing.finished.wait(0.2)
    gate.set()
    closing.finished.wait(PROMPT)
    assert closing.finished.is_set(), (
        f"close() had not returned {PROMPT:.0f} s after the work could finish"
    )
    assert closing.error is None, f"close() raised {describe(closing.error)}"
    assert not returned_early, "close() returned while submitted items were still being handled"
    missing = sorted(set(range(12)) - set(handle.seen))
    assert not missing, (
        f"close() was called with 10 items still queued; {len(missing)} of them were dropped "
        f"instead of handled: {missing}"
    )
    return sorted(handle.seen)


def check_failures_do_not_stop_workers(solution):
    bad = {0, 5, 10, 15}
    handle = Recorder(fail_on=bad)
    pool = solution.WorkerPool(handle, workers=1)
    for item in range(20):
        pool.submit(item)
    close(pool)
    handled = sorted(handle.seen)
    assert len(handled) == 16, (
        f"handle() raised for items {sorted(bad)}; of the 16 other items only {len(handled)} "
        "were handled: an exception in handle() must not end the worker"
    )
    errors = sorted([item, type(exc).__name__, str(exc)] for item, exc in pool.errors)
    assert [e[0] for e in errors] == sorted(bad), (
        f"errors should list the 4 items whose handle() raised, with the exception; got {errors}"
    )
    return errors


def check_submit_after_close(solution):
    pool = solution.WorkerPool(Recorder(), workers=2)
    pool.submit("early")
    close(pool)
    try:
        pool.submit("late")
    except RuntimeError:
        pass
    else:
        raise AssertionError("submit() after close() was accepted; it must raise RuntimeError")
    close(pool)  # a second close() is harmless
    return "RuntimeError"


def check_context_manager(solution):
    handle = Recorder()
    seen = {}

    def use():
        with solution.WorkerPool(handle, workers=2) as pool:
            for item in range(30):
                pool.submit(item)
            seen["threads"] = pool.threads

    body = Call(use)
    body.start()
    body.finished.wait(PROMPT)
    assert body.finished.is_set(), "leaving the `with WorkerPool(...)` block did not return"
    if body.error is not None:
        raise AssertionError(f"using WorkerPool as a context manager raised {describe(body.error)}")
    alive = sum(t.is_alive() for t in seen["threads"])
    assert alive == 0, f"after the with block {alive} workers were still running"
    assert len(handle.seen) == 30, (
        f"after the with block {len(handle.seen)} of 30 items were handled"
    )
    return sorted(handle.seen)


def check_submit_blocks_when_full(solution):
    gate = threading.Event()
    handle = Recorder()

    def slow(item):
        gate.wait(10)
        handle(item)

    pool = solution.WorkerPool(slow, workers=1, maxsize=2)
    for item in range(3):  # the worker holds item 0 at the gate; 1 and 2 fill the queue
        pool.submit(item)
    extra = Call(pool.submit, 3)
    extra.start()
    accepted_at_once = extra.finished.wait(0.3)
    gate.set()
    extra.finished.wait(PROMPT)
    close(pool)
    assert extra.error is None, f"submit() on a full queue raised {describe(extra.error)}"
    assert not accepted_at_once, (
        "with maxsize=2 and the only worker busy, a third queued item was accepted at once: "
        "submit() must wait for room"
    )
    return sorted(handle.seen)
