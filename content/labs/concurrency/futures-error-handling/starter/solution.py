from collections.abc import Callable, Mapping
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
    """Run every job on a thread pool; one JobResult per job id, within `timeout` seconds."""
    raise NotImplementedError
