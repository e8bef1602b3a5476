"""The SQL sample database (content/sql/sample.sql), and running content queries against it.

SQL cards and lesson examples state a query, never its result: the result is computed here, on
a fresh in-memory copy of the sample database, so what a card expects is always what SQLite
answers. Queries run with a time limit (a progress handler) so a runaway one cannot hang.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SAMPLE_FILE = Path("sql") / "sample.sql"
TIME_LIMIT_S = 2.0
NULL = "NULL"


class QueryError(ValueError):
    """The content's SQL failed; the message is SQLite's."""


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def text_rows(self) -> list[str]:
        """Rows as a candidate types them: cells separated by ' | ', NULL for null."""
        return [" | ".join(render_cell(v) for v in row) for row in self.rows]


def render_cell(value: Any) -> str:
    if value is None:
        return NULL
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


@cache
def _master(script_path: Path, mtime: float) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.executescript(script_path.read_text(encoding="utf-8"))
    return connection


def sample_master(content_root: Path) -> sqlite3.Connection:
    """The loaded sample database, cached per process and shared: copy it, never change it."""
    script = content_root / SAMPLE_FILE
    if not script.is_file():
        raise QueryError(f"{SAMPLE_FILE} is missing from the content")
    try:
        return _master(script, script.stat().st_mtime)
    except sqlite3.Error as exc:
        raise QueryError(f"{SAMPLE_FILE} does not load: {exc}") from None


def fresh_copy(source: sqlite3.Connection, *, shared: bool = False) -> sqlite3.Connection:
    """A new in-memory database holding what `source` holds; `shared` allows any thread to
    use it (for a copy that is itself cached as a master)."""
    fresh = sqlite3.connect(":memory:", check_same_thread=not shared)
    source.backup(fresh)
    return fresh


def run_query(content_root: Path, query: str, setup: str | None = None) -> QueryResult:
    """Run `setup` (statements) then `query` on a fresh copy of the sample database."""
    fresh = fresh_copy(sample_master(content_root))
    try:
        deadline = time.monotonic() + TIME_LIMIT_S
        fresh.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        if setup:
            fresh.executescript(setup)
        cursor = fresh.execute(query)
        rows = tuple(tuple(row) for row in cursor.fetchall())
        columns = tuple(d[0] for d in cursor.description or ())
        return QueryResult(columns, rows)
    except sqlite3.Error as exc:
        raise QueryError(str(exc)) from None
    finally:
        fresh.close()
