from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
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
    executor = ThreadPoolExecutor(max_workers=max_workers)
    futures = [executor.submit(job) for job in jobs.values()]
    results: dict[str, JobResult] = {}
    try:
        for job_id, future in zip(jobs, as_completed(futures, timeout=timeout)):
            try:
                results[job_id] = JobResult("ok", value=future.result())
            except Exception as exc:
                results[job_id] = JobResult("error", error=f"{type(exc).__name__}: {exc}")
    except TimeoutError:
        pass
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    return {job_id: results.get(job_id, JobResult("timeout")) for job_id in jobs}
