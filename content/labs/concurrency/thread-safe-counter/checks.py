import sys
import threading
import time

THREADS = 8
PER_THREAD = 250
#: How long the first read-modify-write waits for a second one to overlap it (wall seconds).
PATIENCE = 1.0


class Rendezvous:
    """The yield_point the stress checks hand to the counter.

    The first call (once armed) waits up to PATIENCE seconds for another thread to reach a
    yield_point too; every other call just gives the GIL away. With a correct lock no other
    thread can get between the read and the write, so the wait runs out and costs nothing but
    time. Without one, a second thread arrives at once: two read-modify-writes overlap for
    certain, not by luck of the scheduler.
    """

    def __init__(self):
        self.armed = False
        self.calls = 0
        self.inside = 0
        self.most_inside = 0
        self._lock = threading.Lock()
        self._first = True
        self._partner = threading.Event()

    def __call__(self):
        with self._lock:
            self.calls += 1
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
            if self.inside >= 2:
                self._partner.set()
            wait = self.armed and self._first
            if wait:
                self._first = False
        try:
            if wait:
                self._partner.wait(PATIENCE)
            else:
                time.sleep(0)
        finally:
            with self._lock:
                self.inside -= 1


def run_together(targets):
    """Start one thread per target, release them at once through a barrier, join them all,
    and report the first exception a target raised (the counter's own errors are findings)."""
    barrier = threading.Barrier(len(targets))
    errors = []

    def start(target):
        try:
            barrier.wait()
            target()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(t,)) for t in targets]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(previous)
    if errors:
        raise errors[0]


def check_counts_and_resets(solution):
    counter = solution.Counter()
    seen = [counter.value, counter.increment(), counter.increment(5), counter.value]
    seen.append(counter.reset())
    seen += [counter.value, counter.increment(2), counter.reset(), counter.reset()]
    return seen


def check_yields_between_read_and_write(solution):
    calls = []
    counter = solution.Counter(yield_point=lambda: calls.append(1))
    for _ in range(5):
        counter.increment()
    counter.reset()
    counter.increment(3)
    counter.reset()
    assert len(calls) == 8, (
        f"6 increments and 2 resets called yield_point {len(calls)} times; call it once in "
        "each, after reading the value and before writing the new one"
    )
    return len(calls)


def check_no_lost_increments(solution):
    rendezvous = Rendezvous()
    counter = solution.Counter(yield_point=rendezvous)
    rendezvous.armed = True

    def work():
        for _ in range(PER_THREAD):
            counter.increment()

    run_together([work] * THREADS)
    expected = THREADS * PER_THREAD
    final = counter.value
    assert final == expected, (
        f"{THREADS} threads x {PER_THREAD} increments left the counter at {final:,}, not "
        f"{expected:,}: {expected - final:,} updates were lost because two increments were "
        "between their read and their write at the same time"
    )
    assert rendezvous.most_inside == 1, (
        f"{rendezvous.most_inside} threads were inside yield_point at the same time: it must "
        "run inside the critical section, between the read and the write"
    )
    return final


def check_reset_is_atomic(solution):
    rendezvous = Rendezvous()
    counter = solution.Counter(yield_point=rendezvous)
    for _ in range(100):
        counter.increment()
    rendezvous.armed = True
    returned = []

    def work():
        for _ in range(150):
            counter.increment()

    def report():
        for _ in range(30):
            returned.append(counter.reset())
            time.sleep(0)

    run_together([work] * 4 + [report])
    expected = 100 + 4 * 150
    left = counter.value
    counted = sum(returned) + left
    assert counted == expected, (
        f"{expected} increments in all, but the resets returned {sum(returned):,} and the counter "
        f"holds {left:,} ({counted:,} in all): an increment landed between a reset's read and its "
        "write"
    )
    return counted
