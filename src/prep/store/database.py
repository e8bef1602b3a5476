"""Opening the database: SQLite in WAL mode, migrated to the latest schema, with a local user."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from prep.store.migrate import MigrationError, upgrade_to_head
from prep.store.models import LOCAL_USERNAME, User, UserSettings


class DatabaseError(Exception):
    """The database cannot be opened or is not one of prep's; the message says which file."""


@dataclass(frozen=True)
class Database:
    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None
    _writer: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends normally, rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for Core queries that only read, on paths taken many times at once
        (the next card): the ORM session's bookkeeping costs more than SQLite for them."""
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction for Core statements that write, on paths taken many times at once
        (reviews): committed when the block ends normally, rolled back on error.

        SQLite lets one transaction write at a time. A writer that finds the lock taken waits
        in SQLite's busy handler, which polls with sleeps of up to 100 ms; this process's
        writers instead queue here and start the moment the previous one commits. Writers in
        other processes (the CLI) still meet the busy timeout, as before."""
        with self._writer, self.engine.begin() as connection:
            yield connection

    def local_user_id(self) -> int:
        with self.session() as session:
            user_id = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
        if user_id is None:  # created by open_database; missing only if someone deleted it
            raise DatabaseError("the local user is missing from the database")
        return user_id

    def close(self) -> None:
        self.engine.dispose()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def open_database(path: Path) -> Database:
    """Open (creating if needed) the SQLite database at `path` and bring its schema up to date."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"cannot create the data directory {path.parent}: {exc.strerror}"
        ) from None
    engine = create_engine(sqlite_url(path))
    event.listen(engine, "connect", _sqlite_pragmas)
    try:
        upgrade_to_head(engine)
        sessions = sessionmaker(engine, expire_on_commit=False)
        _ensure_local_user(sessions)
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open the database {path}: {exc.orig}") from None
    except MigrationError:
        engine.dispose()
        raise
    return Database(engine, sessions, path)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the web app read while a review is being written; NORMAL is durable in WAL mode
    # except for the last transactions on power loss, which is the usual trade-off for a laptop.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _ensure_local_user(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        user = session.scalar(select(User).where(User.username == LOCAL_USERNAME))
        if user is None:
            user = User(username=LOCAL_USERNAME, created_at=datetime.now(UTC))
            session.add(user)
            session.flush()
        if session.get(UserSettings, user.id) is None:
            session.add(UserSettings(user_id=user.id))
