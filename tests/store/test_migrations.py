"""Migrations: applied to an empty database and to an existing one, without losing data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from prep.store.database import DatabaseError, open_database, sqlite_url
from prep.store.migrate import (
    HEAD_REVISION,
    MigrationError,
    alembic_config,
    current_revision,
    upgrade_to_head,
)
from prep.store.models import Base


def test_head_constant_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_empty_database_is_migrated_to_a_schema_equal_to_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "prep.sqlite3")
    assert current_revision(db.engine) == HEAD_REVISION
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def test_database_at_the_first_revision_keeps_its_data_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "prep.sqlite3"
    engine = create_engine(sqlite_url(path))
    upgrade_to_head(engine, revision="0001")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO users (id, username, created_at) VALUES (1, 'local', '2026-01-01 00:00:00')"
        )
        conn.execute(
            "INSERT INTO users (id, username, created_at) VALUES (2, 'alice', '2026-01-02 00:00:00')"
        )
        conn.execute(
            "INSERT INTO review_logs (user_id, card_id, rating, reviewed_at, state_before, state_after, due_after)"
            " VALUES (2, 'gens/lazy', 3, '2026-01-03 10:00:00', 0, 1, '2026-01-03 10:10:00')"
        )
    engine.dispose()

    db = open_database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]
        assert conn.execute("SELECT card_id, rating FROM review_logs").fetchall() == [
            ("gens/lazy", 3)
        ]
        settings = conn.execute(
            "SELECT user_id, desired_retention, new_cards_per_day FROM user_settings"
        ).fetchall()
    assert sorted(settings) == [(1, 0.9, 20), (2, 0.9, 20)]
    assert db.local_user_id() == 1
    db.close()


def test_opening_an_up_to_date_database_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "prep.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE user_settings SET new_cards_per_day = 7")
    db = open_database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute(
            "SELECT count(*), max(new_cards_per_day) FROM user_settings"
        ).fetchone() == (1, 7)
        assert conn.execute("SELECT count(*) FROM users").fetchone() == (1,)
    db.close()


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "prep.sqlite3"
    path.write_bytes(b"this is not sqlite, just some bytes " * 100)
    with pytest.raises(DatabaseError, match=f"cannot open the database {path}"):
        open_database(path)


def test_a_database_from_a_newer_prep_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "prep.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(MigrationError, match="newer version of prep"):
        open_database(path)
