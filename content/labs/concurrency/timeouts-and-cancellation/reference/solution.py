import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
Outcome = tuple[str, Any]


async def fetch_all(aws: Sequence[Awaitable[T]], timeout: float) -> list[Outcome]:
    """Run every awaitable at once, each with `timeout` seconds; one outcome per item, in order:
    ("ok", result), ("timeout", None) or ("error", "ExceptionType: message").

    Each item gets its own `asyncio.timeout` scope. When it expires, the item is cancelled
    inside its own task, so its `finally` blocks have run by the time the scope turns the
    cancellation into TimeoutError. Only `Exception` is caught: CancelledError is a
    BaseException, so when fetch_all itself is cancelled, gather cancels every item, waits for
    them, and the cancellation propagates to our caller.
    """

    async def one(aw: Awaitable[T]) -> Outcome:
        try:
            async with asyncio.timeout(timeout) as deadline:
                return ("ok", await aw)
        except TimeoutError as exc:
            if deadline.expired():
                return ("timeout", None)
            return ("error", f"{type(exc).__name__}: {exc}")  # the item's own TimeoutError
        except Exception as exc:
            return ("error", f"{type(exc).__name__}: {exc}")

    return list(await asyncio.gather(*(one(aw) for aw in aws)))
