import asyncio
import time
from collections.abc import Awaitable, Callable

POLL_SECONDS = 0.1


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
        self._lock = asyncio.Lock()  # FIFO: waiters get the lock in arrival order

    async def acquire(self, tokens: int = 1) -> None:
        if not 1 <= tokens <= self._capacity:
            raise ValueError(f"cannot take {tokens} tokens")
        async with self._lock:
            while not self._take(tokens):
                await self._sleep(POLL_SECONDS)

    def try_acquire(self, tokens: int = 1) -> bool:
        if not 1 <= tokens <= self._capacity:
            raise ValueError(f"cannot take {tokens} tokens")
        return not self._lock.locked() and self._take(tokens)

    def _take(self, tokens: int) -> bool:
        now = self._clock()
        self._tokens = min(float(self._capacity), self._tokens + (now - self._updated) * self._rate)
        self._updated = now
        if self._tokens + 1e-9 < tokens:
            return False
        self._tokens -= tokens
        return True
