import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any


async def fetch_all(aws: Sequence[Awaitable[Any]], timeout: float) -> list[tuple[str, Any]]:
    outcomes: list[tuple[str, Any]] = []
    for aw in aws:
        try:
            outcomes.append(("ok", await asyncio.wait_for(aw, timeout)))
        except TimeoutError:
            outcomes.append(("timeout", None))
        except Exception as exc:
            outcomes.append(("error", f"{type(exc).__name__}: {exc}"))
    return outcomes
