"""What the server holds for its lifetime: content, database, judge, and the request's user."""

from __future__ import annotations

import secrets
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import anyio
from fastapi import Request

from prep.content.catalog import Catalog
from prep.judge.service import Judge
from prep.store.database import Database
from prep.study.session import StudyService
from prep.web.accounts import LoginLimiter, find_session, token_user
from prep.web.config import WebConfig
from prep.web.problems import ApiError

SESSION_COOKIE = "prep_session"


@dataclass
class AppServices:
    config: WebConfig
    catalog: Catalog
    db: Database
    logins: LoginLimiter = field(default_factory=LoginLimiter)
    # Local mode has no session; its forms carry this per-process token instead, which a page
    # on another origin cannot read.
    local_csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    _judge: Judge | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _limiter: anyio.CapacityLimiter | None = None
    _review_writer: ThreadPoolExecutor | None = None

    @property
    def judge(self) -> Judge:
        """Started on first use: the zygotes cost nothing until someone submits code."""
        with self._lock:
            if self._judge is None:
                self._judge = Judge()
            return self._judge

    @property
    def review_writer(self) -> ThreadPoolExecutor:
        """The thread that records the reviews sent to the API. They are written one at a time
        anyway (SQLite has one writer), and handing each to a pool of threads that all wait for
        the same lock cost more, under load, than recording the review."""
        with self._lock:
            if self._review_writer is None:
                self._review_writer = ThreadPoolExecutor(1, thread_name_prefix="prep-reviews")
            return self._review_writer

    @property
    def judge_slots(self) -> anyio.CapacityLimiter:
        """Submissions judged at once; others wait in worker threads, never on the event loop."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.config.judge_workers)
        return self._limiter

    def study(self, user_id: int) -> StudyService:
        return StudyService(self.catalog, self.db, user_id)

    def close(self) -> None:
        with self._lock:
            if self._review_writer is not None:
                self._review_writer.shutdown()
                self._review_writer = None
            if self._judge is not None:
                self._judge.close()
                self._judge = None
        self.db.close()


@dataclass(frozen=True)
class Viewer:
    """Who is asking: the user id, and the CSRF token their forms must carry."""

    user_id: int
    csrf_token: str
    via_token: bool = False


def services(request: Request) -> AppServices:
    found: AppServices = request.app.state.services
    return found


def optional_viewer(request: Request) -> Viewer | None:
    svc = services(request)
    if not svc.config.hosted:
        return Viewer(request.app.state.local_user_id, svc.local_csrf)
    authorization = request.headers.get("authorization", "")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "the Authorization header must be 'Bearer <token>'")
        user_id = token_user(svc.db, token.strip())
        if user_id is None:
            raise ApiError(
                401, "the API token is unknown or revoked", headers={"WWW-Authenticate": "Bearer"}
            )
        return Viewer(user_id, "", via_token=True)
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        session = find_session(svc.db, cookie)
        if session is not None:
            return Viewer(session.user_id, session.csrf_token)
    return None


def api_viewer(request: Request) -> Viewer:
    viewer = optional_viewer(request)
    if viewer is None:
        raise ApiError(
            401,
            "log in (session cookie) or send 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return viewer
