from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class JobResult:
    status: str  # "ok", "error" or "timeout"
    value: Any = None  # what the job returned, when status == "ok"
    error: str | None = None  # "ExceptionType: message", when status == "error"


def run_batch(
    jobs: Mapping[str, Callable[[], Any]], *, max_workers: int, timeout: float
) -> dict[str, JobResult]:
    """Run every job on a thread pool; one JobResult per job id, within `timeout` seconds.

    A future keeps its job's exception until someone asks for the result, so every result is
    asked for, each in its own try. Futures are mapped back to job ids through a dict, because
    as_completed yields them in completion order. The pool is not used as a context manager:
    its exit waits for running jobs, and a thread cannot be interrupted, so a stuck job would
    hold the batch far past its timeout. Instead the pool is shut down without waiting, and the
    jobs that never started are cancelled.
    """
    executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="batch")
    futures: dict[Future[Any], str] = {executor.submit(job): job_id for job_id, job in jobs.items()}
    results: dict[str, JobResult] = {}
    try:
        for future in as_completed(futures, timeout=timeout):
            job_id = futures[future]
            try:
                results[job_id] = JobResult("ok", value=future.result())
            except Exception as exc:
                results[job_id] = JobResult("error", error=f"{type(exc).__name__}: {exc}")
    except TimeoutError:
        pass  # whatever has no result yet ran out of time
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    return {job_id: results.get(job_id, JobResult("timeout")) for job_id in jobs}
