from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Put one STOP on the task queue per worker to shut the workers down.
STOP = None


@dataclass(frozen=True)
class Task:
    fn: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


class UnpicklableTask(Exception):
    """A task that cannot be sent to another process; `part` names what cannot."""

    def __init__(self, index: int, part: str, reason: str) -> None:
        super().__init__(f"task {index}: {part} cannot be sent to a worker process ({reason})")
        self.index = index
        self.part = part
        self.reason = reason


def submit_all(tasks: list[Task], pool: Any) -> list[Any]:
    """Run every sendable task on `pool`; return one outcome per task, in task order: its
    result, the exception it raised, or UnpicklableTask when it could not be sent."""
    raise NotImplementedError


def worker(task_queue: Any, result_queue: Any) -> None:
    """Run (task_id, fn, args, kwargs) items until STOP; answer each with (task_id, "ok", result)
    or (task_id, "error", (exception type name, message))."""
    raise NotImplementedError
