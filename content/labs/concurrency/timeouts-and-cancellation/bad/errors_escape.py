import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any


async def fetch_all(aws: Sequence[Awaitable[Any]], timeout: float) -> list[tuple[str, Any]]:
    async def one(aw: Awaitable[Any]) -> tuple[str, Any]:
        try:
            return ("ok", await asyncio.wait_for(aw, timeout))
        except TimeoutError:
            return ("timeout", None)

    return list(await asyncio.gather(*(one(aw) for aw in aws)))
