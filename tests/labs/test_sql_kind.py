"""SQL labs: right, wrong and hostile queries, judged on the sample database and its variant the
way `prep submit` judges them."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from prep.content.catalog import Catalog
from prep.content.lab_models import SqlLabSpec
from prep.content.loader import load_catalog
from prep.content.sample_db import run_query, sample_master
from prep.judge.service import Judge
from prep.judge.verdicts import Judgement
from prep.labs.content_check import judge_solution
from tests.conftest import REAL_CONTENT

NEVER_BOUGHT = "sql-customers-who-never-bought"
HEADCOUNT = "sql-department-headcount"
RUNNING = "sql-running-revenue"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REAL_CONTENT).require()


#: The SQL labs by folder, read without loading the catalog so that collection never fails.
SLUGS = sorted(p.name for p in (REAL_CONTENT / "labs" / "sql").iterdir() if p.is_dir())


def _judge(catalog: Catalog, judge: Judge, slug: str, query: str) -> Judgement:
    return judge_solution(catalog.labs[slug], query, judge)


def _verdicts(judgement: Judgement) -> dict[str, str]:
    return {case.name: case.verdict for case in judgement.cases}


def test_there_are_fifteen_sql_labs_covering_their_topics(catalog: Catalog) -> None:
    labs = [lab for lab in catalog.labs.values() if lab.kind == "sql"]
    assert sorted(lab.slug for lab in labs) == SLUGS
    assert len(labs) >= 15
    topics = {topic for lab in labs for topic in lab.spec.topics}
    assert {"sql-fundamentals", "sql-query-optimization", "sql-normalization"} <= topics


@pytest.mark.parametrize("slug", SLUGS)
def test_the_reference_is_accepted_on_the_sample_and_its_variant(
    catalog: Catalog, judge: Judge, slug: str
) -> None:
    lab = catalog.labs[slug]
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message
    assert _verdicts(judgement) == {"sample-db": "accepted", "variant-db": "accepted"}
    assert "sqlite-authorizer" in judgement.sandbox


@pytest.mark.parametrize("slug", SLUGS)
def test_each_known_bad_query_gets_its_declared_verdict(
    catalog: Catalog, judge: Judge, slug: str
) -> None:
    lab = catalog.labs[slug]
    got = {bad.file: judge_solution(lab, lab.bad[bad.file], judge).verdict for bad in lab.spec.bad}
    assert got == {bad.file: bad.verdict for bad in lab.spec.bad}


@pytest.mark.parametrize("slug", SLUGS)
def test_hard_coding_the_samples_answer_fails_on_the_variant(
    catalog: Catalog, judge: Judge, slug: str
) -> None:
    lab = catalog.labs[slug]
    sample = run_query(REAL_CONTENT, lab.reference)
    hard_coded = _literal_query(sample.columns, sample.rows)
    judgement = judge_solution(lab, hard_coded, judge)
    assert _verdicts(judgement) == {"sample-db": "accepted", "variant-db": "wrong_answer"}
    assert "wrong on its variant" in judgement.message


def test_a_missing_row_is_named_in_the_message_and_the_row_diff(
    catalog: Catalog, judge: Judge
) -> None:
    lab = catalog.labs[NEVER_BOUGHT]
    judgement = judge_solution(lab, lab.bad["ignores_status.sql"], judge)
    assert judgement.verdict == "wrong_answer"
    assert judgement.message.splitlines()[:3] == [
        "sample-db: Wrong rows: 1 expected row missing (rows shown as id | name).",
        "Missing (expected, not returned):",
        "  4 | Umbrella",
    ]
    assert judgement.extra["row_diff"] == {
        "missing": [[4, "Umbrella"]],
        "unexpected": [],
        "missing_count": 1,
        "unexpected_count": 0,
    }
    assert judgement.to_json()["row_diff"]["missing_count"] == 1


def test_unexpected_rows_are_listed_with_their_count(catalog: Catalog, judge: Judge) -> None:
    lab = catalog.labs[NEVER_BOUGHT]
    judgement = judge_solution(lab, lab.bad["any_non_buying_order.sql"], judge)
    assert "Unexpected (returned, not expected):\n  1 | Acme\n  3 | Initech" in judgement.message
    assert judgement.extra["row_diff"]["unexpected"] == [[1, "Acme"], [3, "Initech"]]


def test_a_long_diff_shows_ten_rows_and_counts_the_rest(catalog: Catalog, judge: Judge) -> None:
    everyone = "SELECT id, name FROM customers, (SELECT 1 UNION ALL SELECT 2)"
    judgement = _judge(catalog, judge, NEVER_BOUGHT, everyone)
    assert judgement.extra["row_diff"]["unexpected_count"] == 10
    assert "  ... and" not in judgement.message  # exactly ten are shown in full
    judgement = _judge(catalog, judge, NEVER_BOUGHT, everyone + " UNION ALL " + everyone)
    assert judgement.extra["row_diff"]["unexpected_count"] == 22
    assert "  ... and 12 more" in judgement.message


def test_a_wrong_column_name_is_named(catalog: Catalog, judge: Judge) -> None:
    reference = catalog.labs[HEADCOUNT].reference
    renamed = reference.replace("AS headcount", "AS employees")
    judgement = _judge(catalog, judge, HEADCOUNT, renamed)
    assert judgement.verdict == "wrong_answer"
    assert "Column 2 is named 'employees'; expected 'headcount'" in judgement.message
    shouted = reference.replace("AS headcount", "AS HEADCOUNT")
    assert _judge(catalog, judge, HEADCOUNT, shouted).verdict == "accepted"


def test_a_missing_column_is_reported_with_both_column_lists(
    catalog: Catalog, judge: Judge
) -> None:
    judgement = _judge(catalog, judge, NEVER_BOUGHT, "SELECT name FROM customers")
    assert judgement.verdict == "wrong_answer"
    assert "returns 1 column(s) (name); expected 2 (id, name)" in judgement.message


def test_an_ordered_lab_rejects_the_right_rows_in_the_wrong_order(
    catalog: Catalog, judge: Judge
) -> None:
    reference = catalog.labs[RUNNING].reference
    spec = catalog.labs[RUNNING].spec
    assert isinstance(spec, SqlLabSpec) and spec.ordered
    backwards = reference.replace("ORDER BY day;", "ORDER BY day DESC;")
    judgement = _judge(catalog, judge, RUNNING, backwards)
    assert judgement.verdict == "wrong_answer"
    assert "Right rows, wrong order" in judgement.message
    assert "row 1 should be 2024-01-10 | 150 | 150" in judgement.message
    assert judgement.extra["row_diff"]["missing_count"] == 0


def test_an_unordered_lab_accepts_the_rows_in_any_order(catalog: Catalog, judge: Judge) -> None:
    lab = catalog.labs[HEADCOUNT]
    assert isinstance(lab.spec, SqlLabSpec) and not lab.spec.ordered
    shuffled = lab.reference.rstrip().rstrip(";") + " ORDER BY payroll, department DESC;"
    assert _judge(catalog, judge, HEADCOUNT, shuffled).verdict == "accepted"


def test_numbers_match_across_int_and_float_within_six_places(
    catalog: Catalog, judge: Judge
) -> None:
    reference = catalog.labs[HEADCOUNT].reference
    as_float = reference.replace("COUNT(e.id) AS", "CAST(COUNT(e.id) AS REAL) AS")
    nudged = reference.replace("0) AS payroll", "0) + 0.0000001 AS payroll")
    assert _judge(catalog, judge, HEADCOUNT, as_float).verdict == "accepted"
    assert _judge(catalog, judge, HEADCOUNT, nudged).verdict == "accepted"
    off = reference.replace("0) AS payroll", "0) + 0.001 AS payroll")
    assert _judge(catalog, judge, HEADCOUNT, off).verdict == "wrong_answer"


def test_numbers_returned_as_text_get_a_hint_about_types(catalog: Catalog, judge: Judge) -> None:
    reference = catalog.labs[HEADCOUNT].reference
    as_text = reference.replace("COUNT(e.id) AS", "CAST(COUNT(e.id) AS TEXT) AS")
    judgement = _judge(catalog, judge, HEADCOUNT, as_text)
    assert judgement.verdict == "wrong_answer"
    assert "match only when compared as text" in judgement.message


def test_the_empty_starter_asks_for_a_query(catalog: Catalog, judge: Judge) -> None:
    starter = catalog.labs[NEVER_BOUGHT].starter["query.sql"]
    judgement = _judge(catalog, judge, NEVER_BOUGHT, starter)
    assert judgement.verdict == "compile_error"
    assert "holds no SQL statement yet" in judgement.message


def test_a_syntax_error_is_a_compile_error_with_sqlites_message(
    catalog: Catalog, judge: Judge
) -> None:
    judgement = _judge(catalog, judge, NEVER_BOUGHT, "SELEC id, name FROM customers")
    assert judgement.verdict == "compile_error"
    assert 'near "SELEC": syntax error' in judgement.message
    assert _verdicts(judgement) == {"sample-db": "compile_error", "variant-db": "skipped"}


def test_comments_and_a_trailing_semicolon_are_fine(catalog: Catalog, judge: Judge) -> None:
    reference = catalog.labs[NEVER_BOUGHT].reference
    decorated = f"-- my answer\n/* anti-join */\n{reference.rstrip()}  -- done\n;\n-- bye\n"
    assert _judge(catalog, judge, NEVER_BOUGHT, decorated).verdict == "accepted"


HOSTILE = [
    pytest.param("DELETE FROM orders", "runtime_error", "refused: DELETE FROM orders", id="delete"),
    pytest.param(
        "UPDATE employees SET salary = 0",
        "runtime_error",
        "refused: UPDATE of employees.salary",
        id="update",
    ),
    pytest.param(
        "DROP TABLE customers", "runtime_error", "refused: changing the schema", id="drop"
    ),
    pytest.param(
        "WITH doomed AS (SELECT 1) DELETE FROM customers",
        "runtime_error",
        "refused: DELETE FROM customers",
        id="delete-behind-a-cte",
    ),
    pytest.param(
        "ATTACH DATABASE '{tmp}/evil.db' AS evil",
        "runtime_error",
        "refused: ATTACH {tmp}/evil.db",
        id="attach",
    ),
    pytest.param(
        "VACUUM INTO '{tmp}/evil.db'",
        "runtime_error",
        "refused: a VACUUM statement",
        id="vacuum-into",
    ),
    pytest.param(
        "PRAGMA writable_schema = ON",
        "runtime_error",
        "refused: PRAGMA writable_schema = ON",
        id="writable-schema",
    ),
    pytest.param("BEGIN IMMEDIATE", "runtime_error", "refused: TRANSACTION BEGIN", id="begin"),
    pytest.param(
        "SELECT load_extension('{tmp}/evil.so')",
        "runtime_error",
        "refused: the function load_extension()",
        id="load-extension",
    ),
    pytest.param(
        "SELECT hex(fts3_tokenizer('simple'))",
        "runtime_error",
        "refused: the function fts3_tokenizer()",
        id="fts3-tokenizer-pointer",
    ),
    pytest.param(
        "SELECT 1; DROP TABLE customers",
        "compile_error",
        "the answer holds 2 statements: hand in exactly one query",
        id="two-statements",
    ),
    pytest.param(
        "WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) "
        "SELECT count(*), 'x' FROM forever",
        "time_limit",
        "ran longer than 2000 ms",
        id="endless-recursive-cte",
    ),
    pytest.param(
        "SELECT length(randomblob(2000000000)), 'x'",
        "runtime_error",
        "string or blob too big",
        id="huge-blob",
    ),
    pytest.param(
        "SELECT a.id, b.name FROM customers AS a, order_items AS x, order_items AS y, "
        "order_items AS z, customers AS b",
        "wrong_answer",
        "The query returns more than 10000 rows",
        id="cross-join-flood",
    ),
    pytest.param(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 1000) "
        "SELECT i AS id, printf('%.900000c', 'x') AS name FROM n",
        "wrong_answer",
        "The query returns more than 8 MB of data",
        id="wide-rows-flood",
    ),
]


@pytest.mark.parametrize(("query", "verdict", "says"), HOSTILE)
def test_a_hostile_query_is_refused_and_changes_nothing(
    catalog: Catalog, judge: Judge, tmp_path: Path, query: str, verdict: str, says: str
) -> None:
    lab = catalog.labs[NEVER_BOUGHT]
    before = list(sample_master(REAL_CONTENT).iterdump())
    start = time.monotonic()
    judgement = judge_solution(lab, query.replace("{tmp}", str(tmp_path)), judge)
    assert time.monotonic() - start < 2 * (lab.spec.time_limit_ms / 1000) + 2
    assert judgement.verdict == verdict, judgement.message
    assert says.replace("{tmp}", str(tmp_path)) in judgement.message
    assert list(tmp_path.iterdir()) == []
    assert list(sample_master(REAL_CONTENT).iterdump()) == before
    assert run_query(REAL_CONTENT, "SELECT count(*) FROM customers").rows == ((6,),)
    # Both cached databases (sample and variant) still give the reference its answer.
    assert judge_solution(lab, lab.reference, judge).verdict == "accepted"


def test_reading_queries_may_use_table_valued_functions(catalog: Catalog, judge: Judge) -> None:
    query = """
        SELECT c.id, c.name FROM customers AS c
        WHERE c.id NOT IN (
            SELECT o.customer_id FROM orders AS o
            JOIN json_each('["paid", "shipped"]') AS s ON s.value = o.status
        )
    """
    assert _judge(catalog, judge, NEVER_BOUGHT, query).verdict == "accepted"


def _literal_query(columns: tuple[str, ...], rows: tuple[tuple[Any, ...], ...]) -> str:
    """A query returning exactly these rows, in this order: a hard-coded answer."""

    def literal(value: Any) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, str):
            return "'" + value.replace("'", "''") + "'"
        return repr(value)

    selects = [
        "SELECT " + ", ".join(f'{literal(v)} AS "{c}"' for v, c in zip(row, columns, strict=True))
        for row in rows
    ]
    return "\nUNION ALL\n".join(selects) + ";\n"
