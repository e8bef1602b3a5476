import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any


async def fetch_all(aws: Sequence[Awaitable[Any]], timeout: float) -> list[tuple[str, Any]]:
    async def one(aw: Awaitable[Any]) -> tuple[str, Any]:
        try:
            return ("ok", await asyncio.wait_for(aw, timeout))
        except TimeoutError:
            return ("timeout", None)
        except Exception as exc:
            return ("error", f"{type(exc).__name__}: {exc}")

    tasks = [asyncio.ensure_future(one(aw)) for aw in aws]
    try:
        return list(await asyncio.gather(*tasks))
    except asyncio.CancelledError:
        # Shutting down: report what we have instead of losing it.
        return [t.result() if t.done() and not t.cancelled() else ("timeout", None) for t in tasks]
