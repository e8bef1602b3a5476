"""SQL cards: the expected rows come from running the query, and typed rows are graded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.check import check_content
from prep.content.sample_db import QueryError, run_query
from prep.study.grading import grade_sql
from tests.conftest import tiny_files, write_tree

SAMPLE = """\
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL);
INSERT INTO t VALUES (1, 'ann', 2.5), (2, 'bob', NULL), (3, 'cy', 4.0);
"""
SQL_CARDS = """\
topic: misc
cards:
  - id: nulls-last
    kind: sql
    query: SELECT name, score FROM t ORDER BY score IS NULL, score DESC
    explanation: NULL sorts as the smallest value in SQLite, so it is pushed last explicitly.
  - id: count
    kind: sql
    query: SELECT COUNT(score), COUNT(*) FROM t
"""


@pytest.fixture
def sql_content(tmp_path: Path) -> Path:
    return write_tree(
        tmp_path / "content",
        tiny_files() | {"sql/sample.sql": SAMPLE, "cards/extras/misc.yaml": SQL_CARDS},
    )


def test_queries_run_on_a_fresh_copy_each_time(sql_content: Path) -> None:
    result = run_query(sql_content, "SELECT COUNT(*) FROM t", setup="DELETE FROM t")
    assert result.rows == ((0,),)
    assert run_query(sql_content, "SELECT COUNT(*) FROM t").rows == ((3,),)
    with pytest.raises(QueryError, match="no such table"):
        run_query(sql_content, "SELECT * FROM nope")


def test_a_runaway_query_is_stopped(sql_content: Path) -> None:
    forever = (
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT COUNT(*) FROM n"
    )
    with pytest.raises(QueryError, match="interrupted"):
        run_query(sql_content, forever)


@pytest.mark.parametrize(
    "typed,ordered,correct",
    [
        ("cy | 4\nann | 2.5\nbob | NULL", True, True),
        ("cy|4.0\n ann | 2.50 \nbob | null", True, True),
        ("ann | 2.5\ncy | 4\nbob | NULL", True, False),  # ORDER BY: order counts
        ("ann | 2.5\ncy | 4\nbob | NULL", False, True),
        ("cy | 4\nann | 2.5", False, False),
        ("cy | 4\nann | 2.5\nbob | 0", False, False),  # NULL is not 0
    ],
)
def test_typed_rows_are_graded_against_the_computed_result(
    sql_content: Path, typed: str, ordered: bool, correct: bool
) -> None:
    result = run_query(sql_content, "SELECT name, score FROM t ORDER BY score IS NULL, score DESC")
    assert grade_sql(result, ordered, typed).correct is correct


def test_no_rows_is_typed_as_none(sql_content: Path) -> None:
    result = run_query(sql_content, "SELECT name FROM t WHERE score > 100")
    assert grade_sql(result, False, "none").correct
    assert grade_sql(result, False, "").correct
    assert not grade_sql(result, False, "ann").correct


def test_check_reports_broken_sql_and_wrong_lesson_output(sql_content: Path) -> None:
    write_tree(
        sql_content,
        {
            "cards/extras/misc.yaml": SQL_CARDS.replace(
                "COUNT(score), COUNT(*) FROM t", "COUNT(*) FROM missing"
            ),
            "lessons/extras/misc.md": "---\ntopic: misc\nsummary: s\nkey_points: [k]\npitfalls: [p]\n---\n"
            "```python\nprint(1)\n```\n\n```output\n1\n```\n\n```sql\nSELECT name FROM t WHERE id = 1\n```\n\n```output\nbob\n```\n",
        },
    )
    problems = [str(d) for d in check_content(sql_content).diagnostics]
    assert problems == [
        "cards/extras/misc.yaml: card count: field query: SQL failed: no such table: missing",
        "lessons/extras/misc.md: example at line 15: field output: the query returns:\nann",
    ]


def test_studying_an_sql_card_through_the_cli(
    sql_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("PREP_HOME", str(home))
    monkeypatch.setenv("PREP_CONTENT", str(sql_content))
    answers = "cy | 4\nann | 2.5\nbob | NULL\n\n\n" + "3 | 3\n\n"  # right, then wrong
    result = CliRunner().invoke(
        app, ["study", "--topic", "misc"], input=answers, env={"COLUMNS": "120"}
    )
    assert result.exit_code == 0, result.output
    assert "SELECT name, score FROM t" in result.output and "in order" in result.output
    assert "COUNT(score) | COUNT(*)" in result.output and "2 | 3" in result.output
    with sqlite3.connect(home / "prep.sqlite3") as conn:
        rows = conn.execute(
            "SELECT card_id, rating, correct FROM review_logs ORDER BY id"
        ).fetchall()
    assert rows == [("misc/nulls-last", 3, 1), ("misc/count", 1, 0)]
