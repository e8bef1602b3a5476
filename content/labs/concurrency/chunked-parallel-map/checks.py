import os
import pickle
import sys
import threading
import time
import traceback
from concurrent.futures import Executor, Future, ThreadPoolExecutor

PROMPT = 2.0


class ManualExecutor(Executor):
    """An executor that runs nothing by itself. It records every submission, checks that it
    could be sent to another process (pickled, as a ProcessPoolExecutor would), and lets the
    check decide which task runs when, and how it ends."""

    def __init__(self):
        self.tasks = []
        self.unpicklable = []
        self._lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs):
        try:
            pickle.dumps((fn, args, kwargs))
        except Exception as exc:
            self.unpicklable.append(f"{type(exc).__name__}: {exc}")
        future = Future()
        with self._lock:
            self.tasks.append((future, fn, args, kwargs))
        return future

    def run(self, index):
        future, fn, args, kwargs = self.tasks[index]
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)

    def run_all(self):
        for index in range(len(self.tasks)):
            if not self.tasks[index][0].done():
                self.run(index)


class Call(threading.Thread):
    def __init__(self, fn):
        super().__init__(daemon=True)
        self.fn = fn
        self.result = self.error = None
        self.finished = threading.Event()

    def run(self):
        try:
            self.result = self.fn()
        except BaseException as exc:
            self.error = exc
        finally:
            self.finished.set()


def describe(exc):
    where = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {where[-1].lineno}, in {where[-1].name})" if where else text


def waiting_on_condition(thread):
    frame = sys._current_frames().get(thread.ident)
    if frame is None or os.path.basename(frame.f_code.co_filename) != "threading.py":
        return False
    if frame.f_code.co_name != "wait" or "saved_state" not in frame.f_locals:
        return False
    while frame is not None:
        if frame.f_code.co_filename == "solution.py":
            return True
        frame = frame.f_back
    return False


def start_map(solution, fn, items, chunksize, chunks):
    """parallel_map on a ManualExecutor, in a thread; returns once all `chunks` tasks are
    submitted and the call is waiting for them."""
    executor = ManualExecutor()
    call = Call(lambda: solution.parallel_map(fn, items, executor=executor, chunksize=chunksize))
    call.start()
    deadline = time.monotonic() + PROMPT
    while (
        time.monotonic() < deadline and len(executor.tasks) < chunks and not call.finished.is_set()
    ):
        time.sleep(0.005)
    if call.error is not None:
        raise AssertionError(f"parallel_map raised {describe(call.error)}")
    assert len(executor.tasks) == chunks, (
        f"{len(items)} items with chunksize={chunksize} make {chunks} chunks, and "
        f"{len(executor.tasks)} tasks were submitted: submit every chunk, as one task, up front"
    )
    while time.monotonic() < deadline and not call.finished.is_set():
        if waiting_on_condition(call):
            break
        time.sleep(0.005)
    return executor, call


def finish(executor, call):
    executor.run_all()
    call.finished.wait(PROMPT)
    assert call.finished.is_set(), "parallel_map did not return after every task had finished"
    if call.error is not None:
        raise AssertionError(f"parallel_map raised {describe(call.error)}")
    return call.result


WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "again"]


def check_submits_chunks(solution):
    executor, call = start_map(solution, str.upper, WORDS, chunksize=3, chunks=4)
    result = finish(executor, call)
    assert result == [w.upper() for w in WORDS], f"got {result}"
    return [len(executor.tasks), result]


def check_tasks_can_be_pickled(solution):
    executor, call = start_map(solution, str.upper, WORDS, chunksize=4, chunks=3)
    result = finish(executor, call)
    assert not executor.unpicklable, (
        f"a submitted task cannot be pickled ({executor.unpicklable[0]}), so a "
        "ProcessPoolExecutor could not send it to a worker: submit a module-level function "
        "and its arguments, not a lambda or a nested function"
    )
    return result


def check_preserves_order(solution):
    executor, call = start_map(solution, len, WORDS, chunksize=2, chunks=5)
    for index in reversed(range(5)):  # the last chunk finishes first
        executor.run(index)
    result = finish(executor, call)
    expected = [len(w) for w in WORDS]
    assert result == expected, (
        f"chunks finished last to first and the result was {result}; expected {expected}, in "
        "input order"
    )
    return result


def check_fails_fast_and_cancels(solution):
    items = ["1", "2", "3", "4", "x", "6", "7", "8", "9", "10", "11", "12"]
    executor, call = start_map(solution, int, items, chunksize=2, chunks=6)
    executor.run(0)
    executor.run(2)  # int("x") raises; chunks 1, 3, 4 and 5 have not started
    call.finished.wait(PROMPT)
    stuck = not call.finished.is_set()
    cancelled = [i for i, task in enumerate(executor.tasks) if task[0].cancelled()]
    executor.run_all()  # let a call that kept waiting finish
    call.finished.wait(PROMPT)
    assert not stuck, (
        "chunk 2 failed while chunks 1, 3, 4 and 5 had not even started, and parallel_map kept "
        "waiting: fail as soon as any chunk fails"
    )
    error = call.error
    assert isinstance(error, ValueError), (
        f"chunk 2 raised ValueError, and parallel_map ended with {error!r}: re-raise the "
        "chunk's exception as it is"
    )
    assert cancelled == [1, 3, 4, 5], (
        f"after chunk 2 failed, the chunks cancelled were {cancelled}, not [1, 3, 4, 5]: cancel "
        "every chunk that has not started, so the workers do not waste time on them"
    )
    return [type(error).__name__, str(error), cancelled]


def check_thread_pool_end_to_end(solution):
    with ThreadPoolExecutor(max_workers=4) as pool:
        squares = solution.parallel_map(lambda x: x * x, range(1000), executor=pool, chunksize=37)
        single = solution.parallel_map(abs, [-3], executor=pool, chunksize=100)
        empty = solution.parallel_map(abs, [], executor=pool, chunksize=5)
        try:
            solution.parallel_map(lambda x: 1 / x, range(-50, 50), executor=pool, chunksize=8)
        except ZeroDivisionError as exc:
            failure = f"{type(exc).__name__}: {exc}"
        else:
            raise AssertionError("1 / 0 in one item did not make parallel_map raise")
    assert squares == [x * x for x in range(1000)], "wrong results on a real ThreadPoolExecutor"
    return [sum(squares), single, empty, failure]


def check_rejects_bad_chunksize(solution):
    executor = ManualExecutor()
    for chunksize in (0, -1):
        try:
            solution.parallel_map(abs, [1, 2], executor=executor, chunksize=chunksize)
        except ValueError:
            continue
        raise AssertionError(f"chunksize={chunksize} was accepted; it must raise ValueError")
    assert not executor.tasks, "a rejected call still submitted tasks"
    return "ValueError"
