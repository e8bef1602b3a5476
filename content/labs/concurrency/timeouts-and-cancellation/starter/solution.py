from collections.abc import Awaitable, Sequence
from typing import Any


async def fetch_all(aws: Sequence[Awaitable[Any]], timeout: float) -> list[tuple[str, Any]]:
    """Run every awaitable at once, each with `timeout` seconds; one outcome per item, in order:
    ("ok", result), ("timeout", None) or ("error", "ExceptionType: message")."""
    raise NotImplementedError
