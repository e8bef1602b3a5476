"""Accounts for hosted mode: argon2 password hashes, browser sessions and API tokens.

Session and API tokens are random 256-bit values handed to the client once; the database keeps
only their SHA-256, so a copy of the database cannot be used to log in.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from prep.store.database import Database
from prep.store.models import LOCAL_USERNAME, ApiToken, User, UserSettings, WebSession

SESSION_TTL = timedelta(days=14)
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]{2,39}")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 would hash more, but nobody types it and it costs CPU

_hasher = PasswordHasher()
# Verified against when the username does not exist, so both paths cost one argon2 hash and a
# response time does not reveal which usernames are taken.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A sign-up or login the user must correct; the message is safe to show."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_account(db: Database, username: str, password: str) -> int:
    username = username.strip().lower()
    if not USERNAME_PATTERN.fullmatch(username) or username == LOCAL_USERNAME:
        raise AccountError(
            "a username is 3-40 characters: lowercase letters, digits, '.', '_' or '-', "
            "starting with a letter or digit",
            "username",
        )
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(
            f"a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters", "password"
        )
    try:
        with db.session() as session:
            user = User(
                username=username,
                created_at=datetime.now(UTC),
                password_hash=_hasher.hash(password),
            )
            session.add(user)
            session.flush()
            session.add(UserSettings(user_id=user.id))
            return user.id
    except IntegrityError:
        raise AccountError("that username is taken", "username") from None


def authenticate(db: Database, username: str, password: str) -> int | None:
    """The user's id when the password is right, else None (same cost either way)."""
    with db.session() as session:
        user = session.scalar(select(User).where(User.username == username.strip().lower()))
        stored = user.password_hash if user is not None else None
    try:
        _hasher.verify(stored or _DUMMY_HASH, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return None
    return user.id if user is not None and stored is not None else None


@dataclass(frozen=True)
class BrowserSession:
    user_id: int
    csrf_token: str


def open_session(db: Database, user_id: int) -> tuple[str, BrowserSession]:
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with db.session() as session:
        session.add(
            WebSession(
                token_hash=token_hash(token),
                user_id=user_id,
                csrf_token=csrf,
                created_at=now,
                expires_at=now + SESSION_TTL,
            )
        )
    return token, BrowserSession(user_id, csrf)


def find_session(db: Database, token: str) -> BrowserSession | None:
    with db.session() as session:
        row = session.get(WebSession, token_hash(token))
        if row is None:
            return None
        if row.expires_at <= datetime.now(UTC):
            session.delete(row)
            return None
        return BrowserSession(row.user_id, row.csrf_token)


def close_session(db: Database, token: str) -> None:
    with db.session() as session:
        session.execute(delete(WebSession).where(WebSession.token_hash == token_hash(token)))


def create_api_token(db: Database, user_id: int, name: str) -> str:
    token = "prep_" + secrets.token_urlsafe(32)
    with db.session() as session:
        session.add(
            ApiToken(
                user_id=user_id,
                name=name[:100],
                token_hash=token_hash(token),
                created_at=datetime.now(UTC),
            )
        )
    return token


def token_user(db: Database, token: str) -> int | None:
    with db.session() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
        if row is None:
            return None
        row.last_used_at = datetime.now(UTC)
        return row.user_id


def revoke_api_token(db: Database, token: str) -> bool:
    with db.session() as session:
        result = session.execute(delete(ApiToken).where(ApiToken.token_hash == token_hash(token)))
        return bool(result.rowcount)  # type: ignore[attr-defined]


def username_of(db: Database, user_id: int) -> str:
    with db.session() as session:
        user = session.get(User, user_id)
        return user.username if user is not None else "?"


class LoginLimiter:
    """At most `attempts` failed logins per key (client address, and username) per `window_s`.

    In memory, per process: enough for one server; a fleet of web processes would keep the
    counters in Redis instead.
    """

    def __init__(self, attempts: int = 5, window_s: float = 900.0) -> None:
        self.attempts = attempts
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, *keys: str) -> int:
        """Seconds until another attempt is allowed for all keys; 0 when allowed now."""
        now = time.monotonic()
        wait = 0.0
        with self._lock:
            for key in keys:
                times = self._recent(key, now)
                if len(times) >= self.attempts:
                    wait = max(wait, times[0] + self.window_s - now)
        return int(wait) + 1 if wait > 0 else 0

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times
