import asyncio
import time
from collections.abc import Awaitable, Callable


class TokenBucket:
    def __init__(
        self,
        rate: float,
        capacity: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("rate must be positive and capacity at least 1")
        self._rate, self._capacity = rate, capacity
        self._clock, self._sleep = clock, sleep
        self._tokens = float(capacity)
        self._updated = clock()

    async def acquire(self, tokens: int = 1) -> None:
        if not 1 <= tokens <= self._capacity:
            raise ValueError(f"cannot take {tokens} tokens")
        # Every caller waits for itself: whoever finds enough tokens first takes them.
        while not self._take(tokens):
            await self._sleep((tokens - self._tokens) / self._rate)

    def try_acquire(self, tokens: int = 1) -> bool:
        if not 1 <= tokens <= self._capacity:
            raise ValueError(f"cannot take {tokens} tokens")
        return self._take(tokens)

    def _take(self, tokens: int) -> bool:
        now = self._clock()
        self._tokens = min(float(self._capacity), self._tokens + (now - self._updated) * self._rate)
        self._updated = now
        if self._tokens + 1e-9 < tokens:
            return False
        self._tokens -= tokens
        return True
