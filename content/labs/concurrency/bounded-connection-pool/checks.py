import os
import sys
import threading
import time
import traceback


class FakeConnection:
    def __init__(self, number, factory):
        self.number, self.factory = number, factory
        self.broken = self.closed = False
        self.holder = None  # the stress test's bookkeeping: who has it now

    def close(self):
        with self.factory.guard:
            self.closed = True
            self.factory.closed += 1

    def __repr__(self):
        return f"<connection {self.number}{' broken' if self.broken else ''}>"


class Factory:
    """Creates numbered fake connections; can fail, be slow, or block while connecting.
    `peak` is the most connections that were open (created, not yet closed) at once."""

    def __init__(self, failures=0, delay=0.0):
        self.created = self.closed = self.peak = 0
        self.failures, self.delay = failures, delay
        self.guard = threading.Lock()
        self.hook = None

    def __call__(self):
        if self.hook is not None:
            self.hook()
        if self.delay:
            time.sleep(self.delay)
        with self.guard:
            if self.failures:
                self.failures -= 1
                raise ConnectionRefusedError("the database refused the connection")
            self.created += 1
            self.peak = max(self.peak, self.created - self.closed)
            return FakeConnection(self.created, self)


class Worker(threading.Thread):
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
    where = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {where[-1].lineno}, in {where[-1].name})" if where else text


def waiting(thread):
    """True once the thread sleeps in a threading wait (Condition, Semaphore, Queue...)
    called from the solution."""
    frame = sys._current_frames().get(thread.ident)
    if frame is None or os.path.basename(frame.f_code.co_filename) != "threading.py":
        return False
    while frame is not None:
        if frame.f_code.co_filename == "solution.py":
            return True
        frame = frame.f_back
    return False


def wait_until_waiting(thread, limit=2.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and not thread.finished.is_set() and not waiting(thread):
        time.sleep(0.005)


def expect_timeout(call, what):
    started = time.monotonic()
    try:
        got = call()
    except TimeoutError:
        return time.monotonic() - started
    raise AssertionError(f"{what} returned {got!r} instead of raising TimeoutError")


def check_reuses_connections(solution):
    factory = Factory()
    pool = solution.ConnectionPool(factory, max_size=3)
    seen = set()
    for _ in range(20):
        conn = pool.acquire()
        seen.add(conn.number)
        pool.release(conn)
    for _ in range(20):
        with pool.connection() as conn:
            seen.add(conn.number)
    assert factory.created == 1, (
        f"40 borrows one after another created {factory.created} connections: reuse an idle "
        "connection before opening a new one"
    )
    try:
        solution.ConnectionPool(Factory(), max_size=0)
    except ValueError:
        pass
    else:
        raise AssertionError("ConnectionPool(factory, max_size=0) was accepted")
    return sorted(seen)


def check_bounded_with_timeout(solution):
    factory = Factory()
    pool = solution.ConnectionPool(factory, max_size=3, timeout=0.2)
    lent = [pool.acquire() for _ in range(3)]
    assert len({id(c) for c in lent}) == 3, "three acquires returned the same connection twice"
    waited = expect_timeout(pool.acquire, "acquire() on a pool with all 3 connections lent")
    assert waited >= 0.15, f"acquire() gave up after {waited:.3f} s; the pool's timeout is 0.2 s"
    waited = expect_timeout(lambda: pool.acquire(timeout=0.4), "acquire(timeout=0.4)")
    assert waited >= 0.35, f"acquire(timeout=0.4) gave up after {waited:.3f} s"
    at_once = Worker(pool.acquire, 0)
    at_once.start()
    at_once.finished.wait(2.0)
    assert isinstance(at_once.error, TimeoutError), (
        f"acquire(timeout=0) on an exhausted pool ended with {at_once.error!r} after "
        f"{'<' if at_once.finished.is_set() else '>'} 2 s, not TimeoutError at once"
    )
    assert factory.created == 3, f"a pool of max_size 3 created {factory.created} connections"
    pool.release(lent[1])
    again = pool.acquire(timeout=0.2)
    assert again is lent[1], "after a release, acquire() did not hand out the idle connection"
    return factory.created


def check_blocks_until_release(solution):
    pool = solution.ConnectionPool(Factory(), max_size=1, timeout=5)
    conn = pool.acquire()
    waiter = Worker(pool.acquire)
    waiter.start()
    wait_until_waiting(waiter)
    assert not waiter.finished.is_set(), (
        f"acquire() on an exhausted pool returned at once "
        f"({describe(waiter.error) if waiter.error else repr(waiter.result)})"
    )
    pool.release(conn)
    waiter.finished.wait(2.0)
    assert waiter.finished.is_set(), "a waiting acquire() was still blocked 2 s after a release"
    if waiter.error is not None:
        raise AssertionError(f"the waiting acquire() raised {describe(waiter.error)}")
    assert waiter.result is conn, "the waiter got a new connection instead of the released one"
    return waiter.result.number


def check_returns_on_error(solution):
    factory = Factory()
    pool = solution.ConnectionPool(factory, max_size=1, timeout=0.5)
    try:
        with pool.connection() as conn:
            raise KeyError("order 42")
    except KeyError:
        pass
    else:
        raise AssertionError("an exception raised inside `with pool.connection()` was swallowed")
    try:
        again = pool.acquire(timeout=0.5)
    except TimeoutError:
        raise AssertionError(
            "after an exception inside `with pool.connection()`, the pool's only connection "
            "never came back: release it in a `finally`"
        ) from None
    assert again is conn, "the connection used in the failed block was not reused"
    return factory.created


def check_discards_broken(solution):
    factory = Factory()
    pool = solution.ConnectionPool(factory, max_size=1, timeout=5)
    first = pool.acquire()
    waiter = Worker(pool.acquire)
    waiter.start()
    wait_until_waiting(waiter)
    first.broken = True  # the server went away while it was lent
    pool.release(first)
    waiter.finished.wait(2.0)
    assert first.closed, "a broken connection was released and the pool did not close it"
    assert waiter.finished.is_set(), (
        "a thread waiting for a connection was still blocked 2 s after the pool discarded a "
        "broken one: freeing a slot must wake a waiter just like returning a connection does"
    )
    if waiter.error is not None:
        raise AssertionError(f"the waiting acquire() raised {describe(waiter.error)}")
    assert waiter.result is not first, "the pool lent out a connection that was returned broken"
    pool.release(waiter.result)
    try:
        with pool.connection() as conn:
            conn.broken = True
            raise ConnectionResetError("connection reset by peer")
    except ConnectionResetError:
        pass
    try:
        with pool.connection(timeout=0.5) as conn:
            assert not conn.broken and not conn.closed, "the pool lent out a broken connection"
    except TimeoutError:
        raise AssertionError(
            "a connection marked broken inside `with pool.connection()` (which then raised) "
            "never gave its slot back: the next acquire on the pool of max_size 1 timed out"
        ) from None
    return [factory.created, factory.closed]


def check_failed_connect_frees_slot(solution):
    factory = Factory(failures=3)
    pool = solution.ConnectionPool(factory, max_size=2, timeout=0.3)
    for attempt in range(3):
        try:
            pool.acquire()
        except ConnectionRefusedError:
            continue
        except TimeoutError:
            raise AssertionError(
                f"after {attempt} failed connection attempts on a pool of max_size 2, acquire() "
                "timed out: a slot reserved for a connection that was never made is lost"
            ) from None
        raise AssertionError("acquire() returned although the factory raised")
    try:
        pair = [pool.acquire(), pool.acquire()]
    except TimeoutError:
        raise AssertionError(
            "after 3 failed connection attempts, a pool of max_size 2 could not lend 2 "
            "connections: give back the slot when the factory raises"
        ) from None
    return [c.number for c in pair]


def check_slow_connect_does_not_block_pool(solution):
    factory = Factory()
    pool = solution.ConnectionPool(factory, max_size=2, timeout=5)
    first = pool.acquire()
    in_connect, others_done, overlapped = threading.Event(), threading.Event(), []

    def hanging_connect():  # the second connection takes until the others are done, or 2 s
        in_connect.set()
        overlapped.append(others_done.wait(2.0))

    factory.hook = hanging_connect
    connecting = Worker(pool.acquire)
    connecting.start()
    assert in_connect.wait(2.0), "acquire() on a pool with a free slot did not call the factory"
    pool.release(first)
    again = pool.acquire()
    others_done.set()
    connecting.finished.wait(3.0)
    factory.hook = None
    assert overlapped == [True], (
        "while one thread was connecting (a slow factory call), another thread could not "
        "return or borrow an idle connection until the connect was over: the pool calls the "
        "factory while holding its lock. Reserve the slot under the lock, connect outside it"
    )
    if connecting.error is not None:
        raise AssertionError(f"the acquire() that connected raised {describe(connecting.error)}")
    return [again is first, connecting.result.number]


def check_rejects_bad_release(solution):
    pool = solution.ConnectionPool(Factory(), max_size=2)
    conn = pool.acquire()
    pool.release(conn)
    outcomes = []
    for what, call in (
        ("a second release of the same connection", lambda: pool.release(conn)),
        ("releasing a connection the pool never lent", lambda: pool.release(object())),
    ):
        try:
            call()
        except ValueError:
            outcomes.append("ValueError")
            continue
        raise AssertionError(
            f"{what} was accepted; it must raise ValueError, or the pool may later lend one "
            "connection to two borrowers at once"
        )
    first, second = pool.acquire(), pool.acquire()
    assert first is not second, "the pool lent one connection to two borrowers"
    return outcomes


def check_stress(solution):
    threads, rounds, max_size = 24, 40, 4
    factory = Factory(delay=0.01)
    pool = solution.ConnectionPool(factory, max_size=max_size, timeout=10)
    barrier = threading.Barrier(threads)
    problems, errors = [], []

    def borrow(index):
        try:
            barrier.wait()
            for round_ in range(rounds):
                with pool.connection() as conn:
                    if conn.holder is not None:
                        problems.append(
                            f"{conn!r} lent to thread {index} while thread {conn.holder} had it"
                        )
                    if conn.broken or conn.closed:
                        problems.append(
                            f"thread {index} was lent {conn!r}, returned broken earlier"
                        )
                    conn.holder = index
                    time.sleep(0)
                    conn.holder = None
                    if (index + round_) % 20 == 0:
                        conn.broken = True
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=borrow, args=(i,), daemon=True) for i in range(threads)]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for worker in workers:
            worker.start()
        deadline = time.monotonic() + 10
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))
    finally:
        sys.setswitchinterval(previous)
    if errors:
        raise AssertionError(f"under load a borrower failed: {describe(errors[0])}")
    stuck = sum(worker.is_alive() for worker in workers)
    assert not stuck, f"{stuck} of {threads} borrowers were still running after 10 s"
    assert factory.peak <= max_size, (
        f"{threads} threads borrowing at once from a pool of max_size {max_size} had "
        f"{factory.peak} connections open at the same time: checking the count and creating "
        "the connection must be one atomic step (reserve the slot under the lock)"
    )
    assert not problems, f"{len(problems)} lending errors, the first: {problems[0]}"
    broken = sum(1 for i in range(threads) for r in range(rounds) if (i + r) % 20 == 0)
    return [factory.peak <= max_size, broken]
