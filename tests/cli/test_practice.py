"""`prep problems`, `solve`, `run`, `submit`, `submissions` through the CLI, with a real judge."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from tests.conftest import write_tree
from tests.judge.conftest import INCREMENT

runner = CliRunner()
pytestmark = pytest.mark.slow


@pytest.fixture
def practice_home(home: Path, tiny_content: Path) -> Path:
    write_tree(tiny_content, INCREMENT)
    return home


def _stored(home: Path) -> list[tuple[str, str, int, int]]:
    if not (home / "prep.sqlite3").exists():  # run and solve never open the database
        return []
    with sqlite3.connect(home / "prep.sqlite3") as conn:
        return conn.execute(
            "SELECT problem, verdict, passed, total FROM submissions ORDER BY id"
        ).fetchall()


def test_solve_writes_the_starter_once_and_never_over_your_work(practice_home: Path) -> None:
    result = runner.invoke(app, ["solve", "increment"])
    assert result.exit_code == 0, result.output
    path = practice_home / "workspace" / "increment" / "solution.py"
    assert "Return x + 1." in result.output and str(path) in result.output.replace("\n", "")
    path.write_text("def solve(x):\n    return x + 1\n")
    again = runner.invoke(app, ["solve", "increment"])
    assert "Your solution is at" in again.output
    assert path.read_text() == "def solve(x):\n    return x + 1\n"


def test_run_shows_samples_side_by_side_and_stores_nothing(practice_home: Path) -> None:
    runner.invoke(app, ["solve", "increment"])
    (practice_home / "workspace" / "increment" / "solution.py").write_text(
        "def solve(x):\n    return x * 3\n"
    )
    result = runner.invoke(app, ["run", "increment"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Samples: wrong answer · 0/2 passed" in result.output
    assert (
        '{"x": 1}' in result.output
        and "│ expected │ 2" in result.output
        and "│ actual   │ 3" in result.output
    )
    assert "hidden" not in result.output
    assert _stored(practice_home) == []


def test_submit_json_has_the_documented_shape_and_is_recorded(
    practice_home: Path, tmp_path: Path
) -> None:
    solution = tmp_path / "mine.py"
    solution.write_text("def solve(x):\n    return x + 1\n")
    result = runner.invoke(app, ["submit", "increment", str(solution), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {
        "verdict",
        "passed",
        "total",
        "time_ms",
        "memory_kb",
        "cases",
        "complexity",
        "message",
    }
    assert (data["verdict"], data["passed"], data["total"], data["complexity"]) == (
        "accepted",
        4,
        4,
        None,
    )
    common = {"name", "verdict", "time_ms", "sample", "message"}
    for case in data["cases"]:
        shown = {"input", "expected", "actual", "stdout"} if case["sample"] else set()
        assert set(case) == common | shown, case
    assert any(c["sample"] for c in data["cases"]) and not all(c["sample"] for c in data["cases"])
    assert _stored(practice_home) == [("increment", "accepted", 4, 4)]


def test_submit_with_a_wrong_solution_and_problem_status(
    practice_home: Path, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def solve(x):\n    return abs(x) + 1\n")
    result = runner.invoke(app, ["submit", "increment", str(wrong)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Verdict: wrong answer · 3/4 passed" in result.output
    assert "negative (hidden)" in result.output
    listing = runner.invoke(app, ["problems"], env={"COLUMNS": "200"})
    assert "increment" in listing.output and "attempted" in listing.output
    right = tmp_path / "right.py"
    right.write_text("def solve(x):\n    return x + 1\n")
    runner.invoke(app, ["submit", "increment", str(right)])
    assert "solved" in runner.invoke(app, ["problems"], env={"COLUMNS": "200"}).output
    history = runner.invoke(app, ["submissions", "increment"], env={"COLUMNS": "200"})
    assert history.output.index("accepted") < history.output.index("wrong_answer")  # newest first


def test_problem_filters(practice_home: Path) -> None:
    assert "increment" in runner.invoke(app, ["problems", "--difficulty", "easy"]).output
    assert "increment" not in runner.invoke(app, ["problems", "--difficulty", "hard"]).output
    assert (
        "increment"
        in runner.invoke(app, ["problems", "--topic", "gens", "--pattern", "arith"]).output
    )


@pytest.mark.parametrize(
    "args,message",
    [
        (["solve", "incremnt"], "unknown problem 'incremnt'"),
        (["run", "increment"], "run `prep solve increment` first"),
        (["submit", "increment", "/nonexistent/x.py"], "/nonexistent/x.py does not exist"),
    ],
)
def test_user_mistakes_are_clear_errors(practice_home: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert _stored(practice_home) == []
