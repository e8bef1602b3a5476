import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

_EPSILON = 1e-9


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
        self._rate = rate
        self._capacity = capacity
        self._clock = clock
        self._sleep = sleep
        self._tokens = float(capacity)
        self._updated = clock()
        self._queue: deque[asyncio.Future[None]] = deque()

    async def acquire(self, tokens: int = 1) -> None:
        self._validate(tokens)
        if not self._queue and self._take(tokens):
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append(turn)
        if self._queue[0] is not turn:
            await turn
        while not self._take(tokens):
            await self._sleep((tokens - self._tokens) / self._rate)
        self._queue.popleft()
        if self._queue:
            self._queue[0].set_result(None)

    def try_acquire(self, tokens: int = 1) -> bool:
        self._validate(tokens)
        return not self._queue and self._take(tokens)

    def _validate(self, tokens: int) -> None:
        if not 1 <= tokens <= self._capacity:
            raise ValueError(f"can take 1 to {self._capacity} tokens at once, not {tokens}")

    def _take(self, tokens: int) -> bool:
        now = self._clock()
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(float(self._capacity), self._tokens + elapsed * self._rate)
        self._updated = now
        if self._tokens + _EPSILON < tokens:
            return False
        self._tokens -= tokens
        return True
