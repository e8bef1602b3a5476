"""Per-client rate limiting as middleware: a sliding window log with an injectable clock."""

import math
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

Clock = Callable[[], float]

#: Routes that must answer even when a client is throttled (load balancer probes).
EXEMPT_PATHS = frozenset({"/health"})


class SlidingWindowLimiter:
    """At most `limit` accepted requests per key in any `window` seconds."""

    def __init__(self, limit: int, window: float, clock: Clock) -> None:
        self._limit = limit
        self._window = window
        self._clock = clock
        self._accepted: defaultdict[str, deque[float]] = defaultdict(deque)

    def acquire(self, key: str) -> float:
        """0.0 if the request may go ahead (and it is counted), else seconds until it may."""
        now = self._clock()
        accepted = self._accepted[key]
        while accepted and accepted[0] <= now - self._window:
            accepted.popleft()
        accepted.append(now)
        if len(accepted) <= self._limit:
            return 0.0
        return accepted[0] + self._window - now


def _client_key(request: Request) -> str:
    api_key = request.headers.get("X-API-Key")
    if api_key:
        return f"key:{api_key}"
    return f"addr:{request.client.host if request.client else 'unknown'}"


def create_app(
    limit: int = 5, window_seconds: float = 60.0, clock: Clock = time.monotonic
) -> FastAPI:
    app = FastAPI(title="Throttled API")
    # One limiter per app: two apps (or two test cases) never share counters.
    limiter = SlidingWindowLimiter(limit, window_seconds, clock)

    @app.middleware("http")
    async def rate_limit(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.url.path in EXEMPT_PATHS:
            return await call_next(request)
        # No await between reading and recording the window: the event loop cannot interleave.
        wait = limiter.acquire(_client_key(request))
        if wait > 0:
            return JSONResponse(
                {"detail": "rate limit exceeded"},
                status_code=429,
                headers={"Retry-After": str(max(1, math.ceil(wait)))},
            )
        return await call_next(request)

    @app.get("/ping")
    async def ping() -> dict[str, bool]:
        return {"pong": True}

    @app.get("/items")
    async def list_items() -> list[str]:
        return ["apple", "pear"]

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


app = create_app()
