import functools
import io
import pickle
import queue
import threading
import time
import traceback

WAIT_SECONDS = 3.0


# Task functions live at module level (this module is importable as `checks`), so they pickle
# by reference, the way a real task function in an importable module does.
def square(x):
    return x * x


def add(a, b=0, *, scale=1):
    return (a + b) * scale


def power(base, exponent):
    return base**exponent


def fail(message):
    raise ValueError(message)


def make_generator(n):
    return (i for i in range(n))


def make_lock():
    return threading.Lock()


class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, value):
        return value * self.factor


class Tally:
    """Guards its total with a lock, so neither it nor its bound methods can be pickled."""

    def __init__(self):
        self.lock = threading.Lock()
        self.total = 0

    def add(self, n):
        with self.lock:
            self.total += n
            return self.total


class QuotaExceeded(Exception):
    """Pickles, but cannot be rebuilt: unpickling calls QuotaExceeded(message) with one argument."""

    def __init__(self, customer, message):
        super().__init__(message)
        self.customer = customer


def exceed_quota(customer):
    raise QuotaExceeded(customer, f"quota exceeded for {customer}")


def make_nested():
    def nested(x):
        return x

    return nested


class LostTask(Exception):
    """Raised by the fake pool for a task a real pool would lose, leaving get() waiting forever."""


class MaybeEncodingError(Exception):
    """What multiprocessing.pool raises from get() when a result cannot be pickled back."""


class FakeAsyncResult:
    def __init__(self, pool, number, payload, error):
        self._pool, self._number = pool, number
        self._payload, self._error = payload, error
        self._outcome = None

    def get(self, timeout=None):
        self._pool.events.append(("get", self._number))
        if self._outcome is None:
            self._outcome = self._run()
        kind, data = self._outcome
        if kind == "raise":
            raise data
        value = pickle.loads(data)
        if kind == "error":
            raise value
        return value

    def _run(self):
        if self._error is not None:  # a real pool reports a task it could not pickle from get()
            return "raise", self._error
        try:
            fn, args, kwargs = pickle.loads(self._payload)
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            self._pool.lost.append(reason)
            return "raise", LostTask(f"the worker could not rebuild a task ({reason})")
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:
            return "error", pickle.dumps(exc)
        try:
            return "ok", pickle.dumps(result)
        except Exception:
            name = type(result).__name__
            return "raise", MaybeEncodingError(f"Error sending result: cannot pickle {name}")


class FakePool:
    """Behaves like multiprocessing.Pool.apply_async: what is submitted is pickled, rebuilt in the
    'worker' and run there (lazily, when its result is asked for); results and exceptions are
    pickled on the way back. It records submissions and waits in `events`."""

    def __init__(self):
        self.events = []
        self.lost = []
        self.submitted = 0

    def apply_async(self, func, args=(), kwds=None, callback=None, error_callback=None):
        number = self.submitted
        self.submitted += 1
        self.events.append(("submit", number))
        try:
            payload, error = pickle.dumps((func, tuple(args), dict(kwds or {}))), None
        except Exception as exc:
            payload, error = None, exc
        return FakeAsyncResult(self, number, payload, error)


class PicklingQueue:
    """Behaves like multiprocessing.Queue: put() pickles the object (the real queue does it in
    a background feeder thread, which prints an unpicklable object's error and drops it: put()
    itself never raises), and get() rebuilds a fresh copy from the bytes."""

    def __init__(self):
        self._queue = queue.Queue()
        self.lost = []
        self.waiting = threading.Event()

    def put(self, obj, block=True, timeout=None):
        try:
            data = pickle.dumps(obj)
        except Exception as exc:
            self.lost.append((obj, f"{type(exc).__name__}: {exc}"))
            return
        self._queue.put(data)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if self._queue.empty():
            self.waiting.set()
        return pickle.loads(self._queue.get(block, timeout))

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return self._queue.empty()

    def qsize(self):
        return self._queue.qsize()


def where(exc):
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {frames[-1].lineno})" if frames else text


def outcome(value):
    if isinstance(value, BaseException):
        return [type(value).__name__, str(value)]
    if value is None or type(value) in (bool, int, str):
        return value
    return f"<a {type(value).__name__}>"


def submit(solution, tasks):
    pool = FakePool()
    outcomes = solution.submit_all([solution.Task(*task) for task in tasks], pool)
    assert isinstance(outcomes, list) and len(outcomes) == len(tasks), (
        f"submit_all should return a list of {len(tasks)} outcomes, got {outcomes!r}"
    )
    for reason in pool.lost:
        raise AssertionError(
            f"a submitted task pickled, but the worker could not rebuild it ({reason}): a real "
            "pool would lose the task and get() would wait forever"
        )
    return pool, outcomes


def check_runs_sendable_tasks(solution):
    tasks = [
        (square, (7,)),
        (add, (2,), {"b": 3, "scale": 10}),
        (functools.partial(power, 2), (10,)),
        (Multiplier(3), ("ab",)),
        (add, (), {"a": 1}),
    ]
    pool, outcomes = submit(solution, tasks)
    assert pool.submitted == len(tasks), f"5 sendable tasks, {pool.submitted} submissions"
    return [outcome(o) for o in outcomes]


def check_submits_before_collecting(solution):
    pool, outcomes = submit(solution, [(square, (n,)) for n in range(6)])
    first_get = next((i for i, e in enumerate(pool.events) if e[0] == "get"), len(pool.events))
    late = [n for kind, n in pool.events[first_get:] if kind == "submit"]
    assert not late, (
        f"tasks {late} were submitted only after get() had waited for an earlier result, so "
        "the pool ran one task at a time: submit everything, then collect"
    )
    return [outcome(o) for o in outcomes]


def describe_unsendable(solution, outcomes, expected_parts):
    found = []
    for index, (value, part) in enumerate(zip(outcomes, expected_parts, strict=True)):
        if part is None:
            assert not isinstance(value, BaseException), f"task {index} failed: {outcome(value)}"
            found.append(value)
            continue
        assert isinstance(value, solution.UnpicklableTask), (
            f"task {index} cannot be pickled ({part}), so its outcome should be UnpicklableTask "
            f"naming {part}; got {outcome(value)!r}"
        )
        assert value.index == index and value.part == part, (
            f"task {index}: UnpicklableTask names task {value.index}, part {value.part!r}; "
            f"expected part {part!r}"
        )
        assert part in str(value), f"the message {str(value)!r} does not name {part}"
        found.append([value.index, value.part])
    return found


def check_rejects_unpicklable_callables(solution):
    tasks = [
        (lambda x: x + 1, (1,)),
        (make_nested(), (1,)),
        (Tally().add, (1,)),
        (functools.partial(lambda a, b: a + b, 1), (2,)),
        (square, (9,)),
    ]
    pool, outcomes = submit(solution, tasks)
    found = describe_unsendable(solution, outcomes, ["fn", "fn", "fn", "fn", None])
    assert pool.submitted == 1, f"only 1 task can be sent, yet {pool.submitted} were submitted"
    return found


def check_names_unpicklable_argument(solution):
    tasks = [
        (add, (1, threading.Lock())),
        (square, ((i for i in range(3)),)),
        (add, (1,), {"b": 2, "scale": io.TextIOWrapper(io.BytesIO())}),
        (add, (QuotaExceeded("acme", "over"),)),
        (add, (1, 2), {"scale": 3}),
    ]
    parts = ["args[1]", "args[0]", "kwargs['scale']", "args[0]", None]
    pool, outcomes = submit(solution, tasks)
    found = describe_unsendable(solution, outcomes, parts)
    assert pool.submitted == 1, f"only 1 task can be sent, yet {pool.submitted} were submitted"
    return found


def check_task_errors_come_back(solution):
    tasks = [(fail, ("boom",)), (square, (4,)), (make_generator, (3,)), (add, (5, 6))]
    _, outcomes = submit(solution, tasks)
    return [outcome(o) for o in outcomes]


class WorkerThread(threading.Thread):
    def __init__(self, solution, tasks, results):
        super().__init__(daemon=True)
        self.solution, self.tasks, self.results = solution, tasks, results
        self.error = None

    def run(self):
        try:
            self.solution.worker(self.tasks, self.results)
        except BaseException as exc:
            self.error = exc


def shape(obj):
    if isinstance(obj, tuple) and len(obj) == 3:
        return f"({obj[0]!r}, {obj[1]!r}, <a {type(obj[2]).__name__}>)"
    return f"<a {type(obj).__name__}>"


def run_worker(solution, items, started=None, prefill=False):
    tasks, results = PicklingQueue(), PicklingQueue()
    thread = WorkerThread(solution, tasks, results)
    if prefill:
        for item in items:
            tasks.put(item)
    thread.start()
    if started is not None:
        started(thread, tasks)
    if not prefill:
        for item in items:
            tasks.put(item)
    thread.join(WAIT_SECONDS)
    assert thread.error is None, (
        f"the worker died on {where(thread.error)}: in a real process every task still queued "
        "would be stranded and the parent would wait forever for their results"
    )
    assert not thread.is_alive(), f"the worker was still running {WAIT_SECONDS}s after STOP"
    for obj, reason in results.lost:
        raise AssertionError(
            f"the worker put {shape(obj)} on the result queue, which cannot pickle it ({reason}): "
            "a real Queue drops it in its feeder thread and the parent waits for it forever"
        )
    answers = []
    while not results.empty():
        try:
            answers.append(results.get_nowait())
        except Exception as exc:
            raise AssertionError(
                f"the parent could not rebuild a result the worker sent ({type(exc).__name__}: "
                f"{exc}): send the exception's type name and message, not the exception"
            ) from None
    for answer in answers:
        assert isinstance(answer, tuple) and len(answer) == 3, (
            f"a result should be a (task_id, status, payload) tuple, got {shape(answer)}"
        )
        if answer[1] == "error":
            payload = answer[2]
            assert (
                isinstance(payload, tuple)
                and len(payload) == 2
                and all(type(p) is str for p in payload)
            ), f"an error should be sent as (type name, message), got {shape(answer)}"
        else:
            assert answer[1] == "ok", f"a result's status is 'ok' or 'error', got {answer[1]!r}"
    return answers, tasks


def check_worker_runs_until_stop(solution):
    items = [
        (1, square, (3,), {}),
        (2, add, (1,), {"b": 2, "scale": 5}),
        (3, Multiplier(2), ("xy",), {}),
        solution.STOP,
        (4, square, (5,), {}),
    ]
    answers, tasks = run_worker(solution, items, prefill=True)
    left = tasks.qsize()
    assert left == 1, (
        f"after STOP the worker should leave the rest of the queue to the other workers; "
        f"{left} item(s) are left instead of 1"
    )
    return answers


def check_worker_reports_errors(solution):
    items = [
        (1, fail, ("bad input",), {}),
        (2, exceed_quota, ("acme",), {}),
        (3, square, (6,), {}),
        solution.STOP,
    ]
    answers, _ = run_worker(solution, items, prefill=True)
    return answers


def check_worker_reports_unpicklable_results(solution):
    items = [
        (1, make_generator, (3,), {}),
        (2, make_lock, (), {}),
        (3, square, (2,), {}),
        solution.STOP,
    ]
    answers, _ = run_worker(solution, items, prefill=True)
    return answers


def check_worker_waits_for_work(solution):
    def wait_until_blocked(thread, tasks):
        deadline = time.monotonic() + WAIT_SECONDS
        while not tasks.waiting.is_set() and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.001)
        assert thread.is_alive(), (
            "the worker returned before any work arrived: an empty queue only means the "
            "producer has not caught up yet; stop on the sentinel"
            + (f" (it raised {where(thread.error)})" if thread.error else "")
        )

    answers, _ = run_worker(solution, [(1, square, (8,), {}), solution.STOP], wait_until_blocked)
    return answers
