"""A small user repository over SQLite (the module under test; do not edit it)."""

import sqlite3
from dataclasses import dataclass

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
)
"""


class DuplicateEmail(Exception):
    pass


@dataclass(frozen=True)
class User:
    id: int
    email: str
    name: str
    active: bool


class UserRepository:
    """Emails are stored lower-cased, so they are unique regardless of case."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.conn.execute(SCHEMA)

    def add(self, email: str, name: str) -> User:
        try:
            with self.conn:
                cursor = self.conn.execute(
                    "INSERT INTO users (email, name) VALUES (?, ?)", (email.lower(), name)
                )
        except sqlite3.IntegrityError:
            raise DuplicateEmail(email) from None
        return User(int(cursor.lastrowid or 0), email.lower(), name, True)

    def get(self, user_id: int) -> User | None:
        row = self.conn.execute(
            "SELECT id, email, name, active FROM users WHERE id = ?", (user_id,)
        ).fetchone()
        return None if row is None else User(row[0], row[1], row[2], bool(row[3]))

    def active_users(self) -> list[User]:
        """Active users, oldest first."""
        rows = self.conn.execute(
            "SELECT id, email, name, active FROM users WHERE active = 1 ORDER BY id"
        ).fetchall()
        return [User(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def deactivate(self, user_id: int) -> bool:
        """True when a user was deactivated; False for an unknown or already inactive id."""
        with self.conn:
            cursor = self.conn.execute(
                "UPDATE users SET active = 0 WHERE id = ? AND active = 1", (user_id,)
            )
        return cursor.rowcount == 1
