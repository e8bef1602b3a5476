import asyncio
import time
from collections.abc import Awaitable, Callable


class TokenBucket:
    """An async token-bucket rate limiter: bursts up to `capacity`, `rate` tokens a second."""

    def __init__(
        self,
        rate: float,
        capacity: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        raise NotImplementedError

    async def acquire(self, tokens: int = 1) -> None:
        """Wait until `tokens` tokens can be taken, in arrival order, and take them."""
        raise NotImplementedError

    def try_acquire(self, tokens: int = 1) -> bool:
        """Take `tokens` now if possible without waiting or jumping the queue."""
        raise NotImplementedError
