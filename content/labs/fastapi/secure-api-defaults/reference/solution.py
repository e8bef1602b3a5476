"""A public comments API with secure defaults: CORS allowlist, body size limit, security
headers, and problem+json errors that reveal nothing internal."""

import itertools
from http import HTTPStatus
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALLOWED_ORIGINS = ["https://app.example.com"]
MAX_BODY_BYTES = 16 * 1024
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
}


class CommentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    author: str = Field(min_length=1, max_length=50)
    text: str = Field(min_length=1, max_length=2000)


class Comment(CommentIn):
    id: int


class CommentStore:
    def __init__(self) -> None:
        self._comments = {1: Comment(id=1, author="ada", text="First!")}
        self._ids = itertools.count(2)

    def get(self, comment_id: int) -> Comment | None:
        return self._comments.get(comment_id)

    def add(self, comment: CommentIn) -> Comment:
        stored = Comment(id=next(self._ids), **comment.model_dump())
        self._comments[stored.id] = stored
        return stored


_store = CommentStore()


def get_store() -> CommentStore:
    return _store


Store = Annotated[CommentStore, Depends(get_store)]


def problem(status_code: int, detail: str | None = None, **extra: Any) -> JSONResponse:
    """An RFC 9457 problem details response."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status_code).phrase,
        "status": status_code,
    }
    if detail is not None:
        body["detail"] = detail
    body.update(extra)
    return JSONResponse(body, status_code=status_code, media_type="application/problem+json")


class BodySizeLimitMiddleware:
    """413 for bodies over `max_bytes`, whether declared by Content-Length or streamed in chunks
    without one: the bytes are counted as they arrive, so a lying client gains nothing."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise self._too_large()
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise self._too_large()
            return message

        await self.app(scope, limited_receive, send)

    def _too_large(self) -> HTTPException:
        # Raised while the route reads its body; FastAPI passes HTTPExceptions from there on to
        # the exception handlers, so the 413 is an ordinary problem response.
        return HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE, f"the body is larger than {self.max_bytes} bytes"
        )


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(self.headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)


app = FastAPI(title="Comments")
# add_middleware wraps what is already there: the last added is the outermost.
app.add_middleware(BodySizeLimitMiddleware, max_bytes=MAX_BODY_BYTES)
app.add_middleware(
    CORSMiddleware,
    allow_origins=ALLOWED_ORIGINS,
    allow_credentials=True,
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type", "Authorization"],
)
app.add_middleware(SecurityHeadersMiddleware, headers=SECURITY_HEADERS)


# Starlette's HTTPException, not FastAPI's subclass: the router's own 404 and 405 are Starlette's.
@app.exception_handler(StarletteHTTPException)
async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    response = problem(exc.status_code, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


@app.exception_handler(RequestValidationError)
async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    # Only where and what: pydantic's errors also echo the input, which may be large or secret.
    errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
    return problem(422, "the request is invalid", errors=errors)


@app.exception_handler(Exception)
async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    # Starlette runs this handler outside every middleware, so it adds the headers itself.
    # The exception itself goes to the server log (Starlette re-raises it after this answer).
    response = problem(500)
    response.headers.update(SECURITY_HEADERS)
    return response


@app.get("/comments/{comment_id}")
async def read_comment(comment_id: int, store: Store) -> Comment:
    comment = store.get(comment_id)
    if comment is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"comment {comment_id} not found")
    return comment


@app.post("/comments", status_code=status.HTTP_201_CREATED)
async def create_comment(comment: CommentIn, store: Store) -> Comment:
    return store.add(comment)
