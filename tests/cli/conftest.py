"""CLI tests run against the tiny content and a data directory in tmp, through the environment."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path: Path, tiny_content: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "home"
    monkeypatch.setenv("PREP_HOME", str(data))
    monkeypatch.setenv("PREP_CONTENT", str(tiny_content))
    return data


def review_rows(home: Path) -> list[tuple[str, int, int | None]]:
    with sqlite3.connect(home / "prep.sqlite3") as conn:
        return conn.execute(
            "SELECT card_id, rating, correct FROM review_logs ORDER BY id"
        ).fetchall()
