"""Hand work to multiprocessing safely under the spawn start method: every part of a task must
survive a pickle round trip before it is submitted, and workers report failures as data."""

import pickle
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


def _round_trip_error(value: Any) -> str | None:
    """Why `value` cannot be pickled and rebuilt, as another process would have to, if it cannot.

    pickle raises PicklingError, TypeError or AttributeError depending on the object (and the
    Python version), and rebuilding can fail with anything the object's constructor raises."""
    try:
        pickle.loads(pickle.dumps(value))
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def _parts(task: Task) -> list[tuple[str, Any]]:
    return [
        ("fn", task.fn),
        *((f"args[{i}]", arg) for i, arg in enumerate(task.args)),
        *((f"kwargs[{name!r}]", value) for name, value in task.kwargs.items()),
    ]


def check_sendable(index: int, task: Task) -> None:
    """Raise UnpicklableTask naming the first part of `task` that cannot cross a process."""
    for part, value in _parts(task):
        reason = _round_trip_error(value)
        if reason is not None:
            raise UnpicklableTask(index, part, reason)


def submit_all(tasks: list[Task], pool: Any) -> list[Any]:
    """Run every sendable task on `pool`; return one outcome per task, in task order: its
    result, the exception it raised, or UnpicklableTask when it could not be sent."""
    outcomes: list[Any] = [None] * len(tasks)
    pending = []
    for index, task in enumerate(tasks):
        try:
            check_sendable(index, task)
        except UnpicklableTask as exc:
            outcomes[index] = exc
            continue
        pending.append((index, pool.apply_async(task.fn, task.args, task.kwargs)))
    for index, result in pending:  # everything is submitted before the first wait
        try:
            outcomes[index] = result.get()
        except Exception as exc:
            outcomes[index] = exc
    return outcomes


def worker(task_queue: Any, result_queue: Any) -> None:
    """Run (task_id, fn, args, kwargs) items until STOP; answer each with (task_id, "ok", result)
    or (task_id, "error", (exception type name, message))."""
    while True:
        item = task_queue.get()
        if item is STOP:
            return
        task_id, fn, args, kwargs = item
        result_queue.put((task_id, "ok", fn(*args, **kwargs)))
