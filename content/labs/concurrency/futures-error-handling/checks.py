import threading
import traceback

#: Wall seconds run_batch gets beyond its own timeout to return.
PROMPT = 3.0


class QuotaExceeded(Exception):
    pass


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


def batch(solution, jobs, max_workers, timeout, on_stuck=""):
    """run_batch on its own thread, so one that does not return is reported, not waited for."""
    call = Call(lambda: solution.run_batch(jobs, max_workers=max_workers, timeout=timeout))
    call.start()
    call.finished.wait(timeout + PROMPT)
    assert call.finished.is_set(), (
        f"run_batch(timeout={timeout}) had not returned {PROMPT:.0f} s after its timeout{on_stuck}"
    )
    if call.error is not None:
        raise AssertionError(
            f"run_batch raised {describe(call.error)}; every job's outcome, exceptions and "
            "timeouts included, belongs in the returned dict"
        )
    missing = sorted(set(jobs) - set(call.result))
    assert not missing, f"the result has no entry for the jobs {missing}"
    return {job_id: [r.status, r.value, r.error] for job_id, r in sorted(call.result.items())}


def returns(value):
    return lambda: value


def raises(exc):
    def job():
        raise exc

    return job


def check_collects_results(solution):
    jobs = {f"job-{i}": returns(i * i) for i in range(6)}
    jobs["nothing"] = returns(None)
    return [batch(solution, jobs, 3, 5.0), batch(solution, {}, 2, 5.0)]


def check_keeps_every_exception(solution):
    jobs = {
        "parse": raises(ValueError("bad row 7")),
        "lookup": raises(KeyError("user 42")),
        "divide": lambda: 1 / 0,
        "fine": returns("done"),
        "quota": raises(QuotaExceeded("team x is over its quota")),
    }
    outcomes = batch(solution, jobs, 2, 5.0)
    lost = [job_id for job_id, o in outcomes.items() if job_id != "fine" and o[0] != "error"]
    assert not lost, f"the exceptions of {lost} were not recorded as errors: {outcomes}"
    return outcomes


def check_matches_results_to_ids(solution):
    trigger_ran = threading.Event()

    def slow():
        trigger_ran.wait(2.0)
        return "slow result"

    def trigger():
        trigger_ran.set()
        return "trigger result"

    # Two workers: `slow` waits for `trigger`, which can only start once `fast` has finished,
    # so the jobs complete in the order fast, then the other two: not submission order.
    jobs = {"a-slow": slow, "b-fast": returns("fast result"), "c-trigger": trigger}
    outcomes = batch(solution, jobs, 2, 5.0)
    wrong = {k: v[1] for k, v in outcomes.items() if v[1] != k[2:] + " result"}
    assert not wrong, (
        f"results were given to the wrong jobs: {wrong}. Jobs complete in any order; map each "
        "future back to its own job id"
    )
    return outcomes


def check_batch_timeout(solution):
    release = threading.Event()
    started = []

    def stuck(name):
        def job():
            started.append(name)
            release.wait(10)
            return name

        return job

    def queued(name):
        def job():
            started.append(name)
            return name

        return job

    before = set(threading.enumerate())
    jobs = {
        "a-stuck": stuck("a-stuck"),
        "b-stuck": stuck("b-stuck"),
        "c-queued": queued("c-queued"),
        "d-queued": queued("d-queued"),
    }
    mixed = {"fast": returns(1), "broken": raises(ValueError("no")), "hung": stuck("hung")}
    hint = (
        " while jobs were stuck: do not wait for running jobs (leaving a `with "
        "ThreadPoolExecutor()` block does, by calling shutdown(wait=True))"
    )
    try:
        everything_stuck = batch(solution, jobs, 2, 0.3, on_stuck=hint)
        some_stuck = batch(solution, mixed, 3, 1.0, on_stuck=hint)
    finally:
        release.set()
    for thread in set(threading.enumerate()) - before - {threading.current_thread()}:
        thread.join(2.0)  # the pool's workers finish whatever they still run
    late = sorted(name for name in started if "queued" in name)
    assert not late, (
        f"the jobs {late} had not started when the batch timed out, but ran afterwards: cancel "
        "the jobs that have not started (shutdown(cancel_futures=True) does)"
    )
    return [everything_stuck, some_stuck]
