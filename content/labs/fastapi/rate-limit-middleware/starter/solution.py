"""Per-client rate limiting as middleware: a sliding window log with an injectable clock."""

import time
from collections.abc import Callable

from fastapi import FastAPI

Clock = Callable[[], float]


def create_app(
    limit: int = 5, window_seconds: float = 60.0, clock: Clock = time.monotonic
) -> FastAPI:
    app = FastAPI(title="Throttled API")

    @app.get("/ping")
    async def ping() -> dict[str, bool]:
        return {"pong": True}

    @app.get("/items")
    async def list_items() -> list[str]:
        return ["apple", "pear"]

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    # Add the rate limiting middleware here.
    return app


app = create_app()
