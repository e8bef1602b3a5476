import os
import queue
import sys
import threading
import time
import traceback


class Worker(threading.Thread):
    """Calls fn(*args) on its own thread and keeps the result or the exception."""

    def __init__(self, fn, *args):
        super().__init__(daemon=True)
        self.fn, self.args = fn, args
        self.result = self.error = None
        self.finished = threading.Event()

    def run(self):
        try:
            self.result = self.fn(*self.args)
        except BaseException as exc:
            self.error = exc
        finally:
            self.finished.set()


def describe(exc):
    """'IndexError: pop from an empty deque (solution.py line 27, in get)'."""
    where = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {where[-1].lineno}, in {where[-1].name})" if where else text


def waiting_on_condition(thread):
    """True once the thread sleeps inside Condition.wait, called from the solution: its waiter
    is registered and the lock released (Condition.wait has saved the lock's state)."""
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


def wait_until_waiting(*threads, limit=2.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if all(t.finished.is_set() or waiting_on_condition(t) for t in threads):
            return
        time.sleep(0.005)


def check_fifo_and_capacity(solution):
    q = solution.BoundedQueue(3)
    wrapped = [v for v in vars(q).values() if isinstance(v, queue.Queue | queue.SimpleQueue)]
    assert not wrapped, "BoundedQueue wraps a queue.Queue: build it on threading.Condition"
    for item in "abc":
        q.put(item)
    size = len(q)
    try:
        q.put("d", timeout=0.05)
    except TimeoutError:
        pass
    else:
        raise AssertionError(
            f"put(timeout=0.05) on a full queue of capacity 3 returned instead of raising "
            f"TimeoutError; the queue now holds {len(q)} items"
        )
    out = [q.get() for _ in range(3)]
    try:
        q.get(timeout=0.05)
    except TimeoutError:
        pass
    else:
        raise AssertionError("get(timeout=0.05) on an empty queue returned instead of raising")
    try:
        solution.BoundedQueue(0)
    except ValueError:
        pass
    else:
        raise AssertionError("BoundedQueue(0) was accepted: a capacity below 1 is a ValueError")
    return [size, out, len(q)]


def timed_out_after(call):
    """Seconds until call() raised TimeoutError, or None if it returned."""
    started = time.monotonic()
    try:
        call()
    except TimeoutError:
        return time.monotonic() - started
    return None


def check_timeouts_wait_first(solution):
    full, empty = solution.BoundedQueue(1), solution.BoundedQueue(1)
    full.put("x")
    calls = {"put": lambda: full.put("y", timeout=0.2), "get": lambda: empty.get(timeout=0.2)}
    for action, call in calls.items():
        elapsed = timed_out_after(call)
        assert elapsed is not None, f"{action}(timeout=0.2) returned although it could not proceed"
        assert elapsed >= 0.15, (
            f"{action}(timeout=0.2) gave up after {elapsed:.3f} s: wait for the timeout first"
        )
    at_once = Worker(full.put, "z", 0)
    at_once.start()
    at_once.finished.wait(2.0)
    assert at_once.finished.is_set(), (
        "put(item, timeout=0) on a full queue blocked: 0 means do not wait"
    )
    assert isinstance(at_once.error, TimeoutError), (
        f"put(item, timeout=0) on a full queue ended with {at_once.error!r}, not TimeoutError"
    )
    return [len(full), len(empty)]


def check_put_blocks_until_room(solution):
    q = solution.BoundedQueue(1)
    q.put("first")
    producer = Worker(q.put, "second")
    producer.start()
    producer.finished.wait(0.3)
    if producer.error is not None:
        raise AssertionError(f"put() on a full queue raised {describe(producer.error)}")
    assert not producer.finished.is_set(), "put() on a full queue returned without waiting"
    assert len(q) == 1, f"a full queue of capacity 1 holds {len(q)} items"
    first = q.get()
    producer.finished.wait(2.0)
    assert producer.finished.is_set(), (
        "put() was still blocked 2 s after get() made room: a get must wake a waiting producer"
    )
    return [first, q.get()]


def check_get_blocks_until_item(solution):
    q = solution.BoundedQueue(2)
    consumer = Worker(q.get)
    consumer.start()
    consumer.finished.wait(0.3)
    if consumer.error is not None:
        raise AssertionError(f"get() on an empty queue raised {describe(consumer.error)}")
    assert not consumer.finished.is_set(), (
        f"get() on an empty queue returned {consumer.result!r} without waiting"
    )
    q.put("late")
    consumer.finished.wait(2.0)
    assert consumer.finished.is_set(), "get() was still blocked 2 s after an item was put"
    return consumer.result


def check_no_busy_waiting(solution):
    q = solution.BoundedQueue(1)
    consumer = Worker(q.get)
    cpu_started, started = time.process_time(), time.monotonic()
    consumer.start()
    while time.monotonic() - started < 2.0 and time.process_time() - cpu_started < 0.2:
        time.sleep(0.02)
    used, waited = time.process_time() - cpu_started, time.monotonic() - started
    q.put("wake up")
    consumer.finished.wait(2.0)
    assert used < 0.2, (
        f"while get() waited {waited:.2f} s for an item the process used {used:.2f} s of CPU: "
        "it polls in a loop instead of sleeping on a condition"
    )
    return consumer.result


def check_wakes_each_waiter_once(solution):
    q = solution.BoundedQueue(2)
    consumers = [Worker(q.get), Worker(q.get)]
    for consumer in consumers:
        consumer.start()
    wait_until_waiting(*consumers)
    q.put("only")
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline and not any(c.finished.is_set() for c in consumers):
        time.sleep(0.005)
    done = [c for c in consumers if c.finished.is_set()]
    assert done, "two consumers were waiting and an item was put, but neither get() returned"
    other = consumers[1] if done[0] is consumers[0] else consumers[0]
    other.finished.wait(1.0)  # a second consumer woken for the same item would act now
    for consumer in consumers:
        if consumer.error is not None:
            raise AssertionError(
                f"two consumers were waiting and one item arrived; one of them got it and the "
                f"other raised {describe(consumer.error)}: after waking, check again"
            )
    assert not other.finished.is_set(), (
        f"two consumers were waiting and one item arrived, but both get() calls returned "
        f"({done[0].result!r} and {other.result!r})"
    )
    q.put("second")
    other.finished.wait(2.0)
    assert other.finished.is_set(), "the second consumer stayed blocked after a second put()"
    return sorted(c.result for c in consumers)


def check_many_producers_and_consumers(solution):
    producers, consumers, per_producer = 6, 6, 200
    q = solution.BoundedQueue(4)
    received = [[] for _ in range(consumers)]
    errors = []
    barrier = threading.Barrier(producers + consumers)

    def produce(p):
        try:
            barrier.wait()
            for i in range(per_producer):
                q.put((p, i))
        except BaseException as exc:
            errors.append(exc)

    def consume(c):
        try:
            barrier.wait()
            while (item := q.get()) is not None:
                received[c].append(item)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=produce, args=(p,), daemon=True) for p in range(producers)]
    readers = [threading.Thread(target=consume, args=(c,), daemon=True) for c in range(consumers)]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads + readers:
            thread.start()
        deadline = time.monotonic() + 8.0
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        stuck = sum(t.is_alive() for t in threads)
        if not errors and not stuck:
            for _ in range(consumers):
                q.put(None, timeout=2.0)
            for thread in readers:
                thread.join(max(0.0, deadline - time.monotonic()))
    finally:
        sys.setswitchinterval(previous)
    if errors:
        raise AssertionError(f"under load a thread failed: {describe(errors[0])}")
    assert not stuck, f"{stuck} producers were still blocked in put() after 8 s"
    stuck = sum(t.is_alive() for t in readers)
    assert not stuck, f"{stuck} consumers were still blocked in get() after 8 s"
    everything = sorted(item for items in received for item in items)
    expected = [(p, i) for p in range(producers) for i in range(per_producer)]
    assert everything == expected, (
        f"{producers * per_producer} items were put and {len(everything)} came out; "
        f"{len(everything) - len(set(everything))} duplicates, "
        f"{len(set(expected) - set(everything))} missing"
    )
    for items in received:
        for p in range(producers):
            mine = [i for (q_p, i) in items if q_p == p]
            assert mine == sorted(mine), "a consumer got one producer's items out of order"
    return len(everything)
