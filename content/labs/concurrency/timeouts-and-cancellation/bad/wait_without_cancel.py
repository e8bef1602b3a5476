import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any


async def fetch_all(aws: Sequence[Awaitable[Any]], timeout: float) -> list[tuple[str, Any]]:
    if not aws:
        return []
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    done, pending = await asyncio.wait(tasks, timeout=timeout)
    outcomes: list[tuple[str, Any]] = []
    for task in tasks:
        if task in pending:
            outcomes.append(("timeout", None))  # it is still running, but we stop waiting
        elif task.exception() is not None:
            exc = task.exception()
            outcomes.append(("error", f"{type(exc).__name__}: {exc}"))
        else:
            outcomes.append(("ok", task.result()))
    return outcomes
