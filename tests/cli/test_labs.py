"""`prep labs`, `prep lab` and `prep submit` on a lab, through the CLI, with a real judge."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from tests.conftest import TINY_LAB, write_tree

runner = CliRunner()
pytestmark = pytest.mark.slow
REFERENCE = (
    "import itertools\n\ndef squares():\n    for n in itertools.count():\n        yield n * n\n"
)


@pytest.fixture
def lab_home(home: Path, tiny_content: Path) -> Path:
    write_tree(tiny_content, TINY_LAB)
    return home


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_labs_lists_labs_and_filters_by_kind(lab_home: Path) -> None:
    result = runner.invoke(app, ["labs"])
    assert result.exit_code == 0, result.output
    assert "squares" in result.output and "Lazy squares" in result.output
    assert "Labs (0)" in runner.invoke(app, ["labs", "--kind", "sql"]).output
    bad = runner.invoke(app, ["labs", "--kind", "cobol"])
    assert bad.exit_code == 1
    assert "unknown lab kind 'cobol'" in bad.output


def test_lab_prepares_the_workspace_once_then_submit_judges_and_records_it(
    lab_home: Path,
) -> None:
    result = runner.invoke(app, ["lab", "squares"])
    assert result.exit_code == 0, result.output
    workspace = lab_home / "workspace" / "labs" / "squares"
    assert "Workspace prepared at" in result.output
    answer = workspace / "solution.py"
    assert "NotImplementedError" in answer.read_text()

    first = runner.invoke(app, ["submit", "squares", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["verdict"] == "runtime_error"

    answer.write_text(REFERENCE)
    again = runner.invoke(app, ["lab", "squares"])  # never over the candidate's work
    assert again.exit_code == 0 and answer.read_text() == REFERENCE
    second = runner.invoke(app, ["submit", "squares", "--json"])
    verdict = json.loads(second.output)
    assert verdict["verdict"] == "accepted" and verdict["passed"] == 3

    with sqlite3.connect(lab_home / "prep.sqlite3") as conn:
        rows = conn.execute("SELECT problem, verdict FROM submissions ORDER BY id").fetchall()
    assert rows == [("squares", "runtime_error"), ("squares", "accepted")]
    assert "solved" in runner.invoke(app, ["labs"]).output


def test_submit_a_lab_from_a_file_and_report_a_wrong_one(lab_home: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def squares():\n    return [0, 1, 4, 9, 16]\n")
    result = runner.invoke(app, ["submit", "squares", str(wrong)])
    assert result.exit_code == 0, result.output
    text = _flat(result.output)
    assert "wrong answer" in text
    assert "squares() returned a collection, not an iterator" in text


def test_submit_without_a_workspace_says_how_to_make_one(lab_home: Path) -> None:
    result = runner.invoke(app, ["submit", "squares"])
    assert result.exit_code == 1
    assert "run `prep lab squares` first" in _flat(result.output)
    unknown = runner.invoke(app, ["lab", "no-such-lab"])
    assert unknown.exit_code == 1 and "unknown lab 'no-such-lab'" in unknown.output
