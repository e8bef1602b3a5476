"""Comparing a SQL lab query's rows with the expected rows, and the diff shown when they differ.

Rows are multisets unless the lab is ordered; numbers are floats rounded to 6 places, so 1 and
1.0 are equal and float noise is ignored; text and numbers never match each other (a hint says
so when that is the only difference).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from prep.content.sample_db import QueryResult, render_cell

SHOWN_ROWS = 10

Row = tuple[Any, ...]


def compare(
    expected: QueryResult,
    actual: QueryResult,
    *,
    ordered: bool = False,
    match_columns: bool = True,
    cut: str | None = None,
) -> tuple[list[str], dict[str, Any]]:
    """Compare a query's result with the expected one.

    Args:
        expected: the reference's result.
        actual: the candidate's result (possibly cut short while fetching).
        ordered: compare rows in order, not as multisets.
        match_columns: compare column names too (case-insensitively); their number always is.
        cut: why fetching `actual` stopped early, if it did.

    Returns:
        What is wrong (one sentence or block each, empty when nothing is) and the row diff:
        {"missing": [...], "unexpected": [...], "missing_count": n, "unexpected_count": n}.
    """
    problems = _column_problems(expected.columns, actual.columns, match_columns)
    want = [_row_key(r) for r in expected.rows]
    got = [_row_key(r) for r in actual.rows]
    missing = sorted((Counter(want) - Counter(got)).elements(), key=_sort_key)
    unexpected = sorted((Counter(got) - Counter(want)).elements(), key=_sort_key)
    if cut:
        problems.append(
            f"The query returns {cut}: the grader stopped fetching there (the rows below are "
            f"those fetched); the expected result has {_count(len(want), 'row')}."
        )
    if missing or unexpected:
        problems.append(_diff_text(expected.columns, missing, unexpected))
        if Counter(map(_as_text, want)) == Counter(map(_as_text, got)):
            problems.append(
                "The values match only when compared as text: check their types (the text "
                "'2024' is not the number 2024)."
            )
    elif ordered and want != got:
        at = next(i for i, (w, g) in enumerate(zip(want, got, strict=True)) if w != g)
        problems.append(
            f"Right rows, wrong order (the task asks for ORDER BY): row {at + 1} should be "
            f"{_as_text(want[at])}, the query gives {_as_text(got[at])}."
        )
    diff = {
        "missing": [_json_row(r) for r in missing],
        "unexpected": [_json_row(r) for r in unexpected],
        "missing_count": len(missing),
        "unexpected_count": len(unexpected),
    }
    return problems, diff


def _column_problems(
    expected: Sequence[str], actual: Sequence[str], match_names: bool
) -> list[str]:
    if len(expected) != len(actual):
        return [
            f"The query returns {len(actual)} column(s) ({', '.join(actual)}); expected "
            f"{len(expected)} ({', '.join(expected)})."
        ]
    if not match_names:
        return []
    return [
        f"Column {i} is named {got!r}; expected {want!r} (alias it with AS)."
        for i, (want, got) in enumerate(zip(expected, actual, strict=True), 1)
        if want.casefold() != got.casefold()
    ]


def _diff_text(columns: Sequence[str], missing: list[Row], unexpected: list[Row]) -> str:
    parts = []
    if missing:
        parts.append(f"{_count(len(missing), 'expected row')} missing")
    if unexpected:
        parts.append(f"{_count(len(unexpected), 'unexpected row')} returned")
    lines = [f"Wrong rows: {' and '.join(parts)} (rows shown as {' | '.join(columns)})."]
    for title, rows in (
        ("Missing (expected, not returned):", missing),
        ("Unexpected (returned, not expected):", unexpected),
    ):
        if rows:
            lines.append(title)
            lines += [f"  {_as_text(r)}" for r in rows[:SHOWN_ROWS]]
            if len(rows) > SHOWN_ROWS:
                lines.append(f"  ... and {len(rows) - SHOWN_ROWS} more")
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _row_key(row: Row) -> Row:
    return tuple(_cell(v) for v in row)


def _cell(value: Any) -> Any:
    """A cell as compared: numbers as floats rounded to 6 places (1 == 1.0), -0.0 as 0.0."""
    if (isinstance(value, int) and abs(value) < 2**53) or isinstance(value, float):
        return round(float(value), 6) + 0.0
    return value


def _sort_key(row: Row) -> tuple[tuple[int, Any], ...]:
    order = {type(None): 0, float: 1, int: 1, str: 2, bytes: 3}
    return tuple((order.get(type(v), 4), "" if v is None else v) for v in row)


def _as_text(row: Row) -> str:
    return " | ".join(render_cell(v) for v in row)


def _json_row(row: Row) -> list[Any]:
    def cell(v: Any) -> Any:
        if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
            return int(v)
        return v.hex() if isinstance(v, bytes) else v

    return [cell(v) for v in row]


def shown(result: QueryResult) -> list[str]:
    """The start of a result, as shown beside a failed case."""
    lines = [" | ".join(result.columns), *result.text_rows()[: 2 * SHOWN_ROWS]]
    if len(result.rows) > 2 * SHOWN_ROWS:
        lines.append(f"... {len(result.rows) - 2 * SHOWN_ROWS} more rows")
    return lines
