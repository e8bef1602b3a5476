"""`prep study` driven as a candidate would: typed answers in, verdicts out, reviews saved."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from tests.cli.conftest import review_rows

runner = CliRunner()

SCRIPT = (
    "\n".join(
        [
            "[0, 1] []",
            "",
            "",  # output card: typed output, empty line ends it, Enter = Good
            "a, c",
            "4",  # choice card (both right options), rated Easy
            "",
            "3",  # recall misc/one: reveal, Good
            "",
            "1",  # recall gens/define: reveal, Again
            "yeild",  # cloze: misspelled, so recorded as Again without asking
            "q",  # quit at the next card
        ]
    )
    + "\n"
)


def test_scripted_session_grades_every_kind_and_saves_each_review(home: Path) -> None:
    result = runner.invoke(app, ["study"], input=SCRIPT)
    assert result.exit_code == 0, result.output
    assert review_rows(home) == [
        ("gens/lazy", 3, 1),
        ("gens/pick", 4, 1),
        ("misc/one", 3, None),
        ("gens/define", 1, None),
        ("gens/keyword", 1, 0),
    ]
    out = result.output
    assert "0 due, 8 new available today" in out
    assert out.count("✓ Correct") == 2
    assert "A function that yields values lazily." in out  # recall answer revealed
    assert "blank 1: expected 'yield', got 'yeild'" in out
    assert "A generator is exhausted after one pass." in out  # explanation shown
    assert "b) A list such as [n for n in xs]" in out  # content is never read as Rich markup
    assert "Reviewed 5 card(s), 3 remembered." in out


def test_limit_topic_and_end_of_input(home: Path) -> None:
    result = runner.invoke(app, ["study", "--topic", "misc", "--limit", "1"], input="\n2\n")
    assert result.exit_code == 0, result.output
    assert review_rows(home) == [("misc/one", 2, None)]
    result = runner.invoke(app, ["study", "--section", "extras"], input="")  # Ctrl-D at once
    assert result.exit_code == 0
    assert "Reviewed 0 card(s)" in result.output
    assert review_rows(home) == [("misc/one", 2, None)]


def test_invalid_answers_are_asked_again_not_recorded(home: Path) -> None:
    answers = "[0, 1] []\n\n9\n\nz\nb\n"  # rating 9 refused; letter z refused, then b (wrong)
    result = runner.invoke(app, ["study", "--limit", "2"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Type 2, 3, 4." in result.output and "'z' is not one of the options a-c" in result.output
    assert review_rows(home) == [("gens/lazy", 3, 1), ("gens/pick", 1, 0)]


@pytest.mark.parametrize(
    "args,message",
    [
        (["--topic", "nope"], "unknown topic 'nope'"),
        (["--section", "nope"], "unknown section 'nope'"),
    ],
)
def test_unknown_scope_is_a_clear_error(home: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["study", *args])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def _start_study(home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "prep", "study"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )


def _wait_for_reviews(home: Path, count: int, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if len(review_rows(home)) >= count:
                return
        except sqlite3.OperationalError:
            pass  # the database is still being created and migrated
        time.sleep(0.05)
    raise AssertionError(f"{count} review(s) not saved within {timeout_s} s")


@pytest.mark.slow
@pytest.mark.parametrize("how", ["ctrl-c", "kill -9"])
def test_interrupted_session_keeps_every_review_already_answered(home: Path, how: str) -> None:
    process = _start_study(home)
    try:
        assert process.stdin is not None
        process.stdin.write("[0, 1] []\n\n\na,c\n3\n")  # two cards answered; the third waits
        process.stdin.flush()
        _wait_for_reviews(home, 2)
        process.send_signal(signal.SIGINT if how == "ctrl-c" else signal.SIGKILL)
        output, _ = process.communicate(timeout=30)
    finally:
        process.kill()
        process.communicate()
    if how == "ctrl-c":
        assert process.returncode == 0, output
        assert "Interrupted." in output and "Reviewed 2 card(s)" in output
        assert "Traceback" not in output
    assert review_rows(home) == [("gens/lazy", 3, 1), ("gens/pick", 3, 1)]
    # The next session carries on with the third card, not the first.
    result = runner.invoke(app, ["study", "--limit", "1"], input="\n3\n")
    assert "misc/one" not in result.output  # ids are not shown, titles are
    assert "Miscellany" in result.output and review_rows(home)[-1] == ("misc/one", 3, None)
