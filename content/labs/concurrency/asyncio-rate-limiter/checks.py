import asyncio
import heapq

#: More sleeps than any correct limiter needs in these checks: a polling loop, not a wait.
MAX_SLEEPS = 10_000


class Sim:
    """Virtual time for the limiter: `clock` reads it, `sleep` waits for it, and the check moves
    it forward only when every task is blocked, to the earliest wake-up. The outcome (who got
    tokens at which virtual second) is then fixed by the code, never by the machine's speed."""

    def __init__(self):
        self.now = 0.0
        self.sleeps = 0
        self._sleepers = []
        self._seq = 0

    def clock(self):
        return self.now

    async def sleep(self, seconds):
        """The sleep handed to the limiter."""
        self.sleeps += 1
        assert self.sleeps <= MAX_SLEEPS, (
            f"the limiter called sleep() {MAX_SLEEPS:,} times: it polls, or never gets its tokens"
        )
        await self.pause(seconds)

    async def pause(self, seconds):
        """Wait `seconds` of virtual time (the checks' own pauses use this directly)."""
        future = asyncio.get_running_loop().create_future()
        self._seq += 1
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), self._seq, future))
        await future

    async def settle(self):
        """Let every runnable task run until all of them are blocked."""
        loop = asyncio.get_running_loop()
        for _ in range(1000):
            await asyncio.sleep(0)
            if not getattr(loop, "_ready", None):
                return

    def _next_wake(self):
        while self._sleepers and self._sleepers[0][2].done():  # cancelled sleeps
            heapq.heappop(self._sleepers)
        return self._sleepers[0][0] if self._sleepers else None

    async def run_until(self, moment):
        """Advance to `moment`, waking each sleeper at its own time on the way."""
        while True:
            await self.settle()
            wake = self._next_wake()
            if wake is None or wake > moment:
                break
            self.now = max(self.now, wake)
            while self._sleepers and self._sleepers[0][0] <= self.now:
                future = heapq.heappop(self._sleepers)[2]
                if not future.done():
                    future.set_result(None)
        self.now = max(self.now, moment)
        await self.settle()

    async def finish(self, tasks, what):
        """Advance time until every task is done; a task blocked with nobody asleep is stuck."""
        while True:
            await self.settle()
            if all(task.done() for task in tasks):
                return
            wake = self._next_wake()
            assert wake is not None, (
                f"{what}: at t={self.now:g} s an acquire() is still waiting, but nothing is asleep "
                "in the provided sleep(), so nothing will ever wake it (a waiter left behind, or "
                "a wait that does not use the sleep you were given)"
            )
            assert wake <= 1000, f"{what}: an acquire() is still waiting at t={self.now:g} s"
            await self.run_until(wake)


def bucket(solution, sim, rate, capacity):
    return solution.TokenBucket(rate, capacity, clock=sim.clock, sleep=sim.sleep)


def run(scenario):
    return asyncio.run(scenario(Sim()))


def acquire_and_log(limiter, sim, log, label, tokens=1):
    async def go():
        await limiter.acquire(tokens)
        log.append([label, round(sim.now, 6)])

    return asyncio.ensure_future(go())


def results(tasks):
    for task in tasks:
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()


def check_burst_then_steady(solution):
    async def scenario(sim):
        limiter, log = bucket(solution, sim, rate=4, capacity=3), []

        async def client():
            for _ in range(7):
                await limiter.acquire()
                log.append(round(sim.now, 6))

        task = asyncio.ensure_future(client())
        await sim.finish([task], "seven acquire() calls in a row")
        results([task])
        return log

    times = run(scenario)
    expected = [0.0, 0.0, 0.0, 0.25, 0.5, 0.75, 1.0]
    assert times == expected, (
        f"rate=4/s, capacity=3: seven acquire() calls in a row got their tokens at t={times}, "
        f"expected {expected} (a burst of 3, then one every 0.25 s)"
    )
    return times


def check_refill_is_capped(solution):
    async def scenario(sim):
        limiter, log = bucket(solution, sim, rate=4, capacity=3), []

        async def client():
            for _ in range(3):
                await limiter.acquire()
            await sim.pause(0.5)  # 2 tokens back by t=0.5
            await limiter.acquire(3)
            log.append(round(sim.now, 6))
            await sim.pause(100)  # idle: the bucket refills to 3, not to 400
            for _ in range(5):
                await limiter.acquire()
                log.append(round(sim.now, 6))

        task = asyncio.ensure_future(client())
        await sim.finish([task], "a client idle for 100 s")
        results([task])
        return log

    times = run(scenario)
    expected = [0.75, 100.75, 100.75, 100.75, 101.0, 101.25]
    assert times == expected, (
        f"rate=4/s, capacity=3: got tokens at t={times}, expected {expected}; after a long idle "
        "time the bucket holds at most `capacity` tokens"
    )
    return times


def check_waiters_served_in_order(solution):
    async def scenario(sim):
        limiter, log = bucket(solution, sim, rate=4, capacity=4), []
        await limiter.acquire(4)
        tasks = [
            acquire_and_log(limiter, sim, log, "A wants 3", 3),
            acquire_and_log(limiter, sim, log, "B wants 1", 1),
            acquire_and_log(limiter, sim, log, "C wants 2", 2),
        ]
        await sim.finish(tasks, "three waiters")
        results(tasks)
        return log

    log = run(scenario)
    expected = [["A wants 3", 0.75], ["B wants 1", 1.0], ["C wants 2", 1.5]]
    assert log == expected, (
        f"an empty bucket (rate=4/s) and three waiters arriving in the order A, B, C: served "
        f"{log}, expected {expected}: first come, first served (a later request must not "
        "overtake an earlier one, even when it needs fewer tokens), each as soon as its tokens "
        "are due"
    )
    return log


def check_try_acquire_respects_the_queue(solution):
    async def scenario(sim):
        limiter, log, answers = bucket(solution, sim, rate=4, capacity=4), [], []
        answers.append(limiter.try_acquire(4))  # full at t=0
        answers.append(limiter.try_acquire(1))  # now empty
        waiter = acquire_and_log(limiter, sim, log, "A wants 4", 4)
        await sim.run_until(0.5)
        answers.append(limiter.try_acquire(1))  # 2 tokens there, but A is waiting for 4
        await sim.finish([waiter], "a waiter for 4 tokens")
        answers.append(limiter.try_acquire(1))  # t=1.0: A took all 4
        await sim.run_until(1.25)
        answers.append(limiter.try_acquire(1))  # one token back, nobody waiting
        results([waiter])
        return [answers, log]

    answers, log = run(scenario)
    expected = [True, False, False, False, True]
    assert answers == expected, (
        f"try_acquire() answered {answers} at t=0, 0, 0.5, 1.0 and 1.25 s; expected {expected}. "
        "At t=0.5 two tokens are there but an earlier acquire(4) is waiting for them"
    )
    return [answers, log]


def check_cancelled_waiters_leave(solution):
    async def scenario(sim):
        limiter, log = bucket(solution, sim, rate=4, capacity=4), []
        await limiter.acquire(4)
        head = acquire_and_log(limiter, sim, log, "A wants 4", 4)
        middle = acquire_and_log(limiter, sim, log, "B wants 2", 2)
        tail = acquire_and_log(limiter, sim, log, "C wants 1", 1)
        last = acquire_and_log(limiter, sim, log, "D wants 2", 2)
        await sim.run_until(0.25)
        middle.cancel()
        await sim.run_until(0.5)
        head.cancel()  # 2 tokens are there: C can have one at once, D then waits for its second
        await sim.finish([head, middle, tail, last], "waiters behind cancelled ones")
        results([tail, last])
        return log

    log = run(scenario)
    expected = [["C wants 1", 0.5], ["D wants 2", 0.75]]
    assert log == expected, (
        f"A (4 tokens) and B (2) were cancelled while waiting; C (1) and D (2) were served "
        f"{log}, expected {expected}: a cancelled waiter must give up its place at once, and the "
        "others be served as soon as their tokens are due"
    )
    return log


def check_rejects_impossible_requests(solution):
    async def scenario(sim):
        limiter = bucket(solution, sim, rate=4, capacity=4)
        rejected = []
        for tokens in (5, 0):
            try:
                await asyncio.wait_for(limiter.acquire(tokens), timeout=1)
            except ValueError:
                rejected.append(f"acquire({tokens})")
            except TimeoutError:
                raise AssertionError(
                    f"acquire({tokens}) with capacity=4 waited instead of raising ValueError"
                ) from None
        try:
            limiter.try_acquire(5)
        except ValueError:
            rejected.append("try_acquire(5)")
        for rate, capacity in ((0, 4), (4, 0)):
            try:
                solution.TokenBucket(rate, capacity, clock=sim.clock, sleep=sim.sleep)
            except ValueError:
                rejected.append(f"TokenBucket({rate}, {capacity})")
        return rejected

    rejected = run(scenario)
    assert len(rejected) == 5, (
        f"only {rejected} raised ValueError; a request for more than `capacity` tokens could "
        "never be served, and 0 tokens, rate 0 or capacity 0 make no sense"
    )
    return rejected
