"""SQL labs: the candidate's query runs on two databases and must return the reference's rows.

The databases are the sample (content/sql/sample.sql) and a variant of it (the sample with
content/labs/sql/variant.sql applied: rows added, removed and changed), so a query that
hard-codes what it saw in the sample fails the second case. Each run gets a fresh in-memory
copy, sandboxed at the SQL level rather than in a process:

- an authorizer allows reading only (SELECT, reading columns, calling functions, recursive
  CTEs); writes, schema changes, ATTACH/DETACH, PRAGMA and transactions are refused, and so are
  the functions that reach outside SQL (`load_extension`, `fts3_tokenizer`); extension loading
  stays disabled; the statement must start as a query does (SELECT, WITH, VALUES);
- a progress handler stops the query at the lab's time limit;
- at most `MAX_ROWS` rows (`MAX_RESULT_BYTES` in all) are fetched, and no string or blob may
  exceed `MAX_VALUE_BYTES`.

Expected results come from the reference query, run the same way in this (trusted) process and
cached; `prep.labs.sql_compare` compares the rows and writes the diff.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from prep.content.catalog import Lab
from prep.content.lab_models import SqlLabSpec
from prep.content.sample_db import (
    SAMPLE_FILE,
    QueryError,
    QueryResult,
    fresh_copy,
    sample_master,
)
from prep.judge.grading import JudgeError
from prep.judge.service import Judge
from prep.judge.verdicts import (
    ACCEPTED,
    COMPILE_ERROR,
    RUNTIME_ERROR,
    SKIPPED,
    TIME_LIMIT,
    WRONG_ANSWER,
    CaseOutcome,
    Judgement,
)
from prep.labs.kinds import FileKind, rejected
from prep.labs.sql_compare import Row, compare, shown

VARIANT_FILE = Path("labs") / "sql" / "variant.sql"
MAX_QUERY_BYTES = 64 * 1024
MAX_ROWS = 10_000
MAX_VALUE_BYTES = 1_000_000
MAX_RESULT_BYTES = 8_000_000
PROGRESS_EVERY = 1_000  # SQLite VM instructions between two looks at the clock
QUERY_KEYWORDS = ("SELECT", "WITH", "VALUES")
SANDBOX = ("sqlite-authorizer", "read-only-copy", "time-limit", "row-cap", "value-size-cap")

#: case name -> what the candidate is told about that database
DATABASES = {
    "sample-db": f"the sample database (content/{SAMPLE_FILE.as_posix()})",
    "variant-db": "a variant of the sample: the same tables with rows added, removed and changed",
}

_ALLOWED = frozenset(
    {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
)
_DENIED_FUNCTIONS = frozenset({"load_extension", "fts3_tokenizer", "fts5"})
_ACTION_NAMES = {
    getattr(sqlite3, f"SQLITE_{name.replace(' ', '_')}"): name
    for name in (
        "CREATE INDEX", "CREATE TABLE", "CREATE TEMP INDEX", "CREATE TEMP TABLE",
        "CREATE TEMP TRIGGER", "CREATE TEMP VIEW", "CREATE TRIGGER", "CREATE VIEW",
        "DROP INDEX", "DROP TABLE", "DROP TEMP INDEX", "DROP TEMP TABLE", "DROP TEMP TRIGGER",
        "DROP TEMP VIEW", "DROP TRIGGER", "DROP VIEW", "DELETE", "INSERT", "UPDATE",
        "TRANSACTION", "SAVEPOINT", "ATTACH", "DETACH", "ALTER TABLE", "REINDEX", "ANALYZE",
        "CREATE VTABLE", "DROP VTABLE",
    )
}  # fmt: skip
#: SQLite's lexical pieces, enough to find statement boundaries and the first keyword.
_TOKENS = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<comment>--[^\n]*|/\*.*?(?:\*/|\Z))
    | (?P<semicolon>;)
    | (?P<quoted>'(?:[^']|'')*(?:'|\Z)|"(?:[^"]|"")*(?:"|\Z)|`[^`]*(?:`|\Z)|\[[^\]]*(?:\]|\Z))
    | (?P<word>[A-Za-z_][A-Za-z_0-9$]*)
    | (?P<other>[^\s;'"`\[A-Za-z_/-]+|.)
    """,
    re.VERBOSE | re.DOTALL,
)
_BLANK = frozenset({"space", "comment"})


class SqlKind(FileKind):
    def grade_answer(self, lab: Lab, answer: str, judge: Judge) -> Judgement:
        """Run the answer on each database and compare with the reference; see the module doc."""
        spec = lab.spec
        assert isinstance(spec, SqlLabSpec)
        if len(answer.encode()) > MAX_QUERY_BYTES:
            return rejected(f"{spec.answer_file} is larger than {MAX_QUERY_BYTES // 1024} KB")
        statements = _statements(answer)
        if not statements:
            return rejected(f"{spec.answer_file} holds no SQL statement yet: write one query")
        root = lab.path.parents[2]
        outcomes: list[CaseOutcome] = []
        diff: dict[str, Any] | None = None
        for name, description in DATABASES.items():
            if outcomes and outcomes[-1].verdict not in (ACCEPTED, WRONG_ANSWER, SKIPPED):
                outcomes.append(CaseOutcome(name, SKIPPED, None, True, "not run", description))
                continue
            if len(statements) > 1:
                message = (
                    f"the answer holds {len(statements)} statements: hand in exactly one query "
                    "(comments and a trailing semicolon are fine)"
                )
                outcomes.append(CaseOutcome(name, COMPILE_ERROR, 0.0, True, message, description))
                continue
            expected = _expected(root, name, lab.reference, spec.time_limit_ms, _stamp(root))
            run = _run(_master(root, name), statements[0], spec.time_limit_ms)
            if run.result is None:
                outcomes.append(
                    CaseOutcome(name, run.verdict, run.time_ms, True, run.message, description)
                )
                continue
            problems, case_diff = compare(
                expected,
                run.result,
                ordered=spec.ordered,
                match_columns=spec.match_columns,
                cut=run.cut,
            )
            if problems and diff is None:
                diff = case_diff
            if problems and name != "sample-db" and outcomes[0].verdict == ACCEPTED:
                problems.append(
                    "Right on the sample database, wrong on its variant (rows added, removed "
                    "and changed): the query relies on something particular to the sample, "
                    "such as an id or a value, or misses a case only the variant has, such as "
                    "a tie, a NULL or another year."
                )
            outcomes.append(
                CaseOutcome(
                    name,
                    WRONG_ANSWER if problems else ACCEPTED,
                    run.time_ms,
                    True,
                    "\n".join(problems) or None,
                    description,
                    expected=shown(expected),
                    actual=shown(run.result),
                )
            )
        return _judgement(outcomes, diff)


@dataclass(frozen=True)
class _Run:
    verdict: str
    message: str | None
    result: QueryResult | None
    time_ms: float
    #: why fetching stopped before the last row (too many rows or bytes), if it did
    cut: str | None = None


def _run(master: sqlite3.Connection, query: str, time_limit_ms: int) -> _Run:
    """Compile, then run, `query` on a fresh sandboxed copy of `master`."""
    connection = fresh_copy(master)
    refused: list[str] = []
    start = time.perf_counter()

    def stop(verdict: str, message: str) -> _Run:
        return _Run(verdict, message, None, (time.perf_counter() - start) * 1000)

    try:
        _sandbox(connection, refused, time.monotonic() + time_limit_ms / 1000)
        try:
            connection.execute("EXPLAIN " + query).fetchall()  # compiles, runs nothing
        except sqlite3.ProgrammingError:  # a second statement: _statements() splits first
            return stop(COMPILE_ERROR, "the answer holds more than one statement")
        except sqlite3.Error as exc:
            if refused:
                return stop(RUNTIME_ERROR, _refusal(refused))
            return stop(COMPILE_ERROR, f"SQLite cannot compile the query: {exc}")
        word = _first_word(query)
        if word not in QUERY_KEYWORDS:
            return stop(
                RUNTIME_ERROR,
                f"refused: a {word or 'non-query'} statement; only a query (SELECT, WITH or "
                "VALUES) may run",
            )
        try:
            cursor = connection.execute(query)
            rows, cut = _fetch(cursor)
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
                return stop(TIME_LIMIT, f"the query ran longer than {time_limit_ms} ms")
            if refused:
                return stop(RUNTIME_ERROR, _refusal(refused))
            return stop(RUNTIME_ERROR, f"SQLite stopped the query: {exc}")
        columns = tuple(d[0] for d in cursor.description or ())
        elapsed = (time.perf_counter() - start) * 1000
        return _Run(ACCEPTED, None, QueryResult(columns, tuple(rows)), elapsed, cut)
    finally:
        connection.close()


def _fetch(cursor: sqlite3.Cursor) -> tuple[list[Row], str | None]:
    """The rows, up to `MAX_ROWS` and `MAX_RESULT_BYTES`; and why fetching stopped early."""
    rows: list[Row] = []
    size = 0
    for row in cursor:  # one row at a time: the caps hold before memory is spent
        if len(rows) == MAX_ROWS:
            return rows, f"more than {MAX_ROWS} rows"
        size += sum(len(v) if isinstance(v, str | bytes) else 8 for v in row)
        if size > MAX_RESULT_BYTES:
            return rows, f"more than {MAX_RESULT_BYTES // 1_000_000} MB of data"
        rows.append(tuple(row))
    return rows, None


def _sandbox(connection: sqlite3.Connection, refused: list[str], deadline: float) -> None:
    connection.isolation_level = None  # no implicit BEGIN
    disable = getattr(connection, "enable_load_extension", None)  # absent in some builds
    if disable is not None:
        disable(False)
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    connection.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, MAX_QUERY_BYTES + 64)
    connection.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    connection.set_authorizer(_authorizer(refused))
    connection.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_EVERY)


def _authorizer(refused: list[str]) -> Callable[[int, str | None, str | None, Any, Any], int]:
    def authorize(action: int, arg1: str | None, arg2: str | None, _db: Any, _src: Any) -> int:
        if action in _ALLOWED and not (
            action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _DENIED_FUNCTIONS
        ):
            return sqlite3.SQLITE_OK
        # Opening a table-valued function (json_each) checks UPDATE on the schema table;
        # SQLite itself refuses real changes to it (writable_schema needs a PRAGMA, refused).
        if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master":
            return sqlite3.SQLITE_OK
        refused.append(_describe(action, arg1, arg2))
        return sqlite3.SQLITE_DENY

    return authorize


def _describe(action: int, arg1: str | None, arg2: str | None) -> str:
    if action == sqlite3.SQLITE_FUNCTION:
        return f"the function {arg2}()"
    if action == sqlite3.SQLITE_PRAGMA:
        return f"PRAGMA {arg1}" + (f" = {arg2}" if arg2 else "")
    if action == sqlite3.SQLITE_UPDATE:
        return f"UPDATE of {arg1}.{arg2}"
    if arg1 in ("sqlite_master", "sqlite_temp_master"):  # CREATE, DROP and ALTER write here
        return f"changing the schema ({_ACTION_NAMES.get(action, 'writing')} on {arg1})"
    if action in (sqlite3.SQLITE_DELETE, sqlite3.SQLITE_INSERT):
        return f"{'DELETE FROM' if action == sqlite3.SQLITE_DELETE else 'INSERT INTO'} {arg1}"
    name = _ACTION_NAMES.get(action, f"operation {action}")
    return " ".join([name, *(a for a in (arg1, arg2) if a)])


def _refusal(refused: list[str]) -> str:
    what = ", ".join(dict.fromkeys(refused))
    return f"refused: {what}. Lab queries may only read the database (one SELECT)."


def _statements(text: str) -> list[str]:
    """The statements of `text` that hold more than comments, without their semicolons."""
    out: list[str] = []
    current: list[str] = []
    blank = True
    for token in _TOKENS.finditer(text):
        if token.lastgroup == "semicolon":
            if not blank:
                out.append("".join(current))
            current, blank = [], True
            continue
        current.append(token.group())
        blank = blank and token.lastgroup in _BLANK
    if not blank:
        out.append("".join(current))
    return out


def _first_word(statement: str) -> str:
    """The statement's first keyword, upper-cased; "" when it starts with something else."""
    for token in _TOKENS.finditer(statement):
        if token.lastgroup not in _BLANK:
            return token.group().upper() if token.lastgroup == "word" else ""
    return ""


def _stamp(root: Path) -> tuple[float, float]:
    return _mtime(root / SAMPLE_FILE), _mtime(root / VARIANT_FILE)


def _mtime(path: Path) -> float:
    return path.stat().st_mtime if path.is_file() else 0.0


def _master(root: Path, database: str) -> sqlite3.Connection:
    try:
        sample = sample_master(root)
    except QueryError as exc:
        raise JudgeError(str(exc)) from None
    return sample if database == "sample-db" else _variant(root, sample, _stamp(root))


@cache
def _variant(
    root: Path, sample: sqlite3.Connection, stamp: tuple[float, float]
) -> sqlite3.Connection:
    path = root / VARIANT_FILE
    if not path.is_file():
        raise JudgeError(f"{VARIANT_FILE.as_posix()} is missing from the content")
    connection = fresh_copy(sample, shared=True)
    try:
        connection.executescript(path.read_text(encoding="utf-8"))
    except sqlite3.Error as exc:
        connection.close()
        raise JudgeError(f"{VARIANT_FILE.as_posix()} does not apply to the sample: {exc}") from None
    return connection


@lru_cache(maxsize=512)
def _expected(
    root: Path, database: str, reference: str, time_limit_ms: int, stamp: tuple[float, float]
) -> QueryResult:
    """The reference's result (`stamp` keys the cache to the databases' files)."""
    run = _run(_master(root, database), reference, time_limit_ms)
    if run.result is None:
        raise JudgeError(f"the reference query fails on {database}: {run.message}")
    if run.cut:
        raise JudgeError(f"the reference query returns {run.cut} on {database}")
    return run.result


def _judgement(outcomes: list[CaseOutcome], diff: dict[str, Any] | None) -> Judgement:
    failure = next((c for c in outcomes if c.verdict not in (ACCEPTED, SKIPPED)), None)
    elapsed = sum(c.time_ms or 0.0 for c in outcomes)
    if failure is None:
        return Judgement(
            ACCEPTED,
            tuple(outcomes),
            elapsed,
            0,
            "the query returns the expected rows on the sample database and on its variant",
            SANDBOX,
        )
    extra = {"row_diff": diff} if failure.verdict == WRONG_ANSWER and diff is not None else {}
    message = f"{failure.name}: {failure.message}"
    return Judgement(failure.verdict, tuple(outcomes), elapsed, 0, message, SANDBOX, extra=extra)
