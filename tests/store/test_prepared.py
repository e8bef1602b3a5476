"""Prepared statements: the same SQL, values and rows as SQLAlchemy's own execution."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Table, bindparam, insert, select, update

from prep.store.database import Database, open_database
from prep.store.models import CardState
from prep.store.prepared import Prepared

STATES = cast(Table, CardState.__table__)
MOMENT = datetime(2026, 3, 2, 9, 0, 0, 5, tzinfo=UTC)
ROW = {
    "card_id": "gens/lazy",
    "state": 2,
    "step": None,
    "stability": 3.5,
    "difficulty": 6.25,
    "due": MOMENT,
    "last_review": MOMENT,
    "introduced_at": MOMENT,
    "reps": 1,
    "lapses": 0,
}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "prep.sqlite3")
    yield database
    database.close()


def _stored(db: Database) -> list[tuple[object, ...]]:
    assert db.path is not None
    with sqlite3.connect(db.path) as conn:
        return conn.execute("SELECT * FROM card_states ORDER BY user_id").fetchall()


def test_writes_store_what_sqlalchemy_stores(db: Database) -> None:
    user = db.local_user_id()
    with db.write() as connection:
        connection.execute(insert(STATES), {**ROW, "user_id": user})
    core = _stored(db)
    with db.write() as connection:
        connection.execute(STATES.delete())
        Prepared(insert(STATES), columns=[*ROW, "user_id"]).execute(
            connection, {**ROW, "user_id": user}
        )
    assert _stored(db) == core


def test_reads_convert_values_as_sqlalchemy_does(db: Database) -> None:
    user = db.local_user_id()
    query = select(STATES.c.due, STATES.c.step, STATES.c.card_id).where(
        STATES.c.user_id == bindparam("user_id"), STATES.c.due <= bindparam("until")
    )
    with db.write() as connection:
        connection.execute(insert(STATES), {**ROW, "user_id": user})
    values = {"user_id": user, "until": MOMENT}
    with db.read() as connection:
        core = connection.execute(query, values).one()
        prepared = Prepared(query).one(connection, values)
    assert prepared == tuple(core) == (MOMENT, None, "gens/lazy")
    with db.read() as connection:
        assert Prepared(query).one_or_none(connection, {**values, "user_id": user + 1}) is None


def test_an_update_sets_only_the_columns_named(db: Database) -> None:
    user = db.local_user_id()
    statement = update(STATES).where(STATES.c.user_id == bindparam("key_user"))
    with db.write() as connection:
        connection.execute(insert(STATES), {**ROW, "user_id": user})
        Prepared(statement, columns=["reps"]).execute(connection, {"reps": 7, "key_user": user})
    with db.read() as connection:
        assert connection.execute(select(STATES.c.reps, STATES.c.lapses)).one() == (7, 0)


def test_a_failed_write_is_rolled_back_with_the_transaction(db: Database) -> None:
    user = db.local_user_id()
    prepared = Prepared(insert(STATES), columns=[*ROW, "user_id"])
    with pytest.raises(sqlite3.IntegrityError), db.write() as connection:
        prepared.execute(connection, {**ROW, "user_id": user})
        prepared.execute(connection, {**ROW, "user_id": user})  # the same primary key
    assert _stored(db) == []


def test_in_lists_are_left_to_sqlalchemy(db: Database) -> None:
    query = select(STATES.c.card_id).where(STATES.c.state.in_([1, 3]))
    with db.read() as connection, pytest.raises(ValueError, match="IN lists"):
        Prepared(query).one_or_none(connection, {})
