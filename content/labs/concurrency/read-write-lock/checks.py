import os
import sys
import threading
import time
import traceback

#: Wall seconds a thread gets to do something it is allowed to do (enter, finish).
PROMPT = 2.0


class Holder(threading.Thread):
    """Takes the lock in `mode` ('read' or 'write'), notes its entry, holds the lock until told
    to leave, then releases it. Entries are logged in order: the log is the interleaving."""

    def __init__(self, lock, mode, label, log):
        super().__init__(daemon=True)
        self.lock, self.mode, self.label, self.log = lock, mode, label, log
        self.inside, self.leave, self.done = threading.Event(), threading.Event(), threading.Event()
        self.error = None

    def run(self):
        try:
            getattr(self.lock, f"acquire_{self.mode}")()
            self.log.append(self.label)
            self.inside.set()
            self.leave.wait(30)
            getattr(self.lock, f"release_{self.mode}")()
        except BaseException as exc:
            self.error = exc
        finally:
            self.done.set()


def describe(exc):
    where = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    text = f"{type(exc).__name__}: {exc}"
    return f"{text} (solution.py line {where[-1].lineno}, in {where[-1].name})" if where else text


def start(lock, mode, label, log):
    holder = Holder(lock, mode, label, log)
    holder.start()
    return holder


def waiting_on_condition(thread):
    """True once the thread sleeps inside Condition.wait called from the solution, with its
    waiter registered and the lock released."""
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


def settle(*holders):
    """Wait until each holder is inside, finished, or asleep waiting for the lock. A solution
    that blocks some other way (a plain Lock) is given the whole PROMPT to get there."""
    deadline = time.monotonic() + PROMPT
    while time.monotonic() < deadline:
        if all(h.inside.is_set() or h.done.is_set() or waiting_on_condition(h) for h in holders):
            return
        time.sleep(0.005)


def enter_all(holders, what):
    deadline = time.monotonic() + PROMPT
    for holder in holders:
        holder.inside.wait(max(0.0, deadline - time.monotonic()))
    failed = [h for h in holders if h.error is not None]
    if failed:
        raise AssertionError(f"{what}: {failed[0].label} failed with {describe(failed[0].error)}")
    return sum(h.inside.is_set() for h in holders)


def leave(*holders):
    for holder in holders:
        holder.leave.set()
    for holder in holders:
        holder.done.wait(PROMPT)
        if holder.error is not None:
            raise AssertionError(f"{holder.label} failed to release: {describe(holder.error)}")


def check_readers_share(solution):
    lock, log = solution.RWLock(), []
    readers = [start(lock, "read", f"reader {i}", log) for i in range(3)]
    together = enter_all(readers, "three readers")
    assert together == 3, (
        f"only {together} of 3 readers got in at once: readers must share the lock"
    )
    leave(*readers)
    writer = start(lock, "write", "writer", log)
    assert enter_all([writer], "a writer") == 1, "the writer could not get in"
    waiting = [start(lock, "read", f"waiting reader {i}", log) for i in range(3)]
    settle(*waiting)
    leave(writer)
    together = enter_all(waiting, "three readers waiting for a writer")
    assert together == 3, (
        f"three readers were waiting for a writer; when it released the lock only {together} got "
        "in: releasing must wake every waiting reader"
    )
    leave(*waiting)
    return together


def check_writer_excludes_everyone(solution):
    lock, log = solution.RWLock(), []
    writer = start(lock, "write", "writer", log)
    assert enter_all([writer], "a writer") == 1, "a writer could not take a free lock"
    reader = start(lock, "read", "reader", log)
    settle(reader)
    other = start(lock, "write", "second writer", log)
    settle(other)
    inside = [h.label for h in (reader, other) if h.inside.is_set()]
    assert not inside, f"the {' and the '.join(inside)} got in while a writer held the lock"
    leave(writer)
    first = other if other.inside.wait(PROMPT) else reader
    assert first.inside.is_set(), "after the writer released the lock nobody else got in"
    leave(first)
    rest = reader if first is other else other
    assert rest.inside.wait(PROMPT), f"the {rest.label} never got in"
    leave(rest)
    return log


def check_writer_waits_for_readers(solution):
    lock, log = solution.RWLock(), []
    readers = [start(lock, "read", f"reader {i}", log) for i in range(2)]
    assert enter_all(readers, "two readers") == 2, "two readers could not share a free lock"
    writer = start(lock, "write", "writer", log)
    settle(writer)
    assert not writer.inside.is_set(), "a writer got in while two readers held the lock"
    leave(readers[0])
    assert not writer.inside.wait(0.2), "a writer got in while a reader still held the lock"
    leave(readers[1])
    assert writer.inside.wait(PROMPT), "the writer never got in after the last reader left"
    leave(writer)
    return log


def check_writers_are_preferred(solution):
    lock, log = solution.RWLock(), []
    first = start(lock, "read", "first reader", log)
    assert enter_all([first], "a reader") == 1, "a reader could not take a free lock"
    writer = start(lock, "write", "writer", log)
    settle(writer)
    late = start(lock, "read", "late reader", log)
    settle(late)
    assert not late.inside.is_set(), (
        "a writer was waiting for a reader to leave, and a new reader got in ahead of it: with "
        "a steady stream of readers the writer would wait forever"
    )
    leave(first)
    assert writer.inside.wait(PROMPT), "the waiting writer did not get in when the reader left"
    assert not late.inside.is_set(), "the late reader got in while the writer held the lock"
    leave(writer)
    assert late.inside.wait(PROMPT), "the late reader never got in after the writer left"
    leave(late)
    return log


def check_release_without_acquire(solution):
    lock = solution.RWLock()
    raised = []
    for action in ("release_read", "release_write"):
        try:
            getattr(lock, action)()
        except RuntimeError:
            raised.append(action)
    lock.acquire_read()
    try:
        lock.release_write()
    except RuntimeError:
        raised.append("release_write while reading")
    lock.release_read()
    lock.acquire_write()
    lock.release_write()
    assert len(raised) == 3, (
        f"releasing a lock that is not held must raise RuntimeError; only {raised or 'none'} did"
    )
    return raised


def check_context_managers(solution):
    lock, log = solution.RWLock(), []
    for manager in (lock.read_locked, lock.write_locked):
        try:
            with manager():
                raise KeyError("boom")
        except KeyError:
            pass
    writer = start(lock, "write", "writer", log)
    assert writer.inside.wait(PROMPT), (
        "after `with read_locked()` and `with write_locked()` blocks that raised, a writer could "
        "not get in: the context managers must release on an exception"
    )
    leave(writer)
    with lock.read_locked(), lock.read_locked():
        log.append("two reads nested")
    return log


def check_stress_invariants(solution):
    lock = solution.RWLock()
    guard = threading.Lock()
    state = {"readers": 0, "writers": 0, "reads": 0, "writes": 0}
    violations = []
    errors = []

    def read():
        with lock.read_locked():
            with guard:
                state["readers"] += 1
                state["reads"] += 1
                if state["writers"]:
                    violations.append("a reader was inside with a writer")
            time.sleep(0)
            with guard:
                state["readers"] -= 1

    def write():
        with lock.write_locked():
            with guard:
                state["writers"] += 1
                state["writes"] += 1
                if state["writers"] > 1 or state["readers"]:
                    violations.append("a writer was not alone")
            time.sleep(0)
            with guard:
                state["writers"] -= 1

    plan = [(read, 100)] * 6 + [(write, 40)] * 3
    barrier = threading.Barrier(len(plan))

    def run(action, times):
        try:
            barrier.wait()
            for _ in range(times):
                action()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=p, daemon=True) for p in plan]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 8.0
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
    finally:
        sys.setswitchinterval(previous)
    if errors:
        raise AssertionError(f"under load a thread failed: {describe(errors[0])}")
    stuck = sum(t.is_alive() for t in threads)
    assert not stuck, f"{stuck} of {len(threads)} threads were still waiting after 8 s"
    assert not violations, f"{violations[0]} ({len(violations)} times)"
    return [state["reads"], state["writes"]]
