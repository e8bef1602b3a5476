"""The checks every request passes before it reaches a route, and the headers every response gets.

A plain ASGI middleware rather than `@app.middleware("http")` (Starlette's BaseHTTPMiddleware):
that one runs the rest of the app in a task of its own, streams the response back through a
queue, and races every read of the request body against a disconnect in another task group,
which cost more than the study API's own work.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_PREFIX = "/api/"
MAX_BODY_BYTES = 1024 * 1024  # the largest legitimate body is a 256 KiB solution

#: Answers a refused request: a problem document under the API, an error page elsewhere.
ErrorResponder = Callable[[Request, int, str], Response]

_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; frame-ancestors 'none'; form-action 'self'"
)


class RequestGuard:
    """Refuses bodies over MAX_BODY_BYTES (413) and API bodies that are not JSON (415); adds
    the security headers a response has not set itself."""

    def __init__(self, app: ASGIApp, error: ErrorResponder) -> None:
        self.app = app
        self.error = error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        is_api = path.startswith(API_PREFIX)
        refusal = _refusal(scope, Headers(scope=scope), is_api)
        if refusal is not None:
            status, detail = refusal
            await self.error(Request(scope, receive), status, detail)(scope, receive, send)
            return
        framed = not is_api and path != "/docs"  # Swagger UI starts with inline script

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "same-origin")
                if framed:
                    headers.setdefault("X-Frame-Options", "DENY")
                    headers.setdefault("Content-Security-Policy", _CONTENT_SECURITY_POLICY)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _refusal(scope: Scope, headers: Headers, is_api: bool) -> tuple[int, str] | None:
    length = headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
        return 413, f"the request body is larger than {MAX_BODY_BYTES} bytes"
    if is_api and scope["method"] in {"POST", "PUT", "PATCH"}:
        media = headers.get("content-type", "").split(";")[0].strip().lower()
        has_body = length not in (None, "0") or "transfer-encoding" in headers
        if has_body and media != "application/json":
            return 415, "send the body as JSON with 'Content-Type: application/json'"
    return None
