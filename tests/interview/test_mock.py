"""Mock interviews end to end: assembled from the weakest topics, answered, scored, compared."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.catalog import Catalog
from prep.content.loader import load_catalog
from prep.interview.mock import MockError, MockInterviews
from prep.judge.history import record_submission
from prep.judge.service import Judge
from prep.store.database import Database
from tests.conftest import CURRICULUM, GENS_ANSWER, TINY_DESIGN, tiny_files, write_tree
from tests.judge.conftest import INCREMENT

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
runner = CliRunner()
BEHAVIORAL = CURRICULUM.replace(
    "resources:\n",
    "  - {id: q-story, seed: Tell me about a hard bug, group: Behavioral, section: behavioral,\n"
    "     kind: behavioral, topics: [misc]}\nresources:\n",
)


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    files = (
        tiny_files()
        | INCREMENT
        | {
            "curriculum.yaml": BEHAVIORAL,
            "interview/answers/q-gens.md": GENS_ANSWER,
            "design/dp-counter.md": TINY_DESIGN,
        }
    )
    return load_catalog(write_tree(tmp_path / "content", files)).require()


def test_a_mock_has_every_kind_of_part_with_time_boxes(catalog: Catalog, db: Database) -> None:
    state = MockInterviews(catalog, db, db.local_user_id()).start(45, None, NOW, seed=1)
    assert [p.kind for p in state.parts] == ["concept", "coding", "design", "behavioral"]
    assert [p.ref for p in state.parts] == ["q-gens", "increment", "dp-counter", "q-story"]
    assert sum(p.minutes for p in state.parts) <= 45
    longer = MockInterviews(catalog, db, db.local_user_id()).start(60, None, NOW, seed=1)
    assert sum(p.minutes for p in longer.parts) > sum(p.minutes for p in state.parts)
    with pytest.raises(MockError, match="45 or 60"):
        MockInterviews(catalog, db, db.local_user_id()).start(30, None, NOW)
    with pytest.raises(MockError, match="unknown section"):
        MockInterviews(catalog, db, db.local_user_id()).start(45, "nope", NOW)


def test_scripted_mock_is_scored_per_part_and_names_the_weak_topics(
    catalog: Catalog, db: Database, judge: Judge
) -> None:
    mocks = MockInterviews(catalog, db, db.local_user_id())
    state = mocks.start(45, None, NOW, seed=1)
    problem = catalog.problems["increment"]
    right = "def solve(x: int) -> int:\n    return x + 1\n"
    judgement = judge.submit(problem, right)
    record_submission(db, db.local_user_id(), "increment", right, judgement)
    mocks.answer(state.id, 0, {"covered": [0, 1, 2, 3]}, NOW)
    mocks.answer(state.id, 1, {}, NOW)
    mocks.answer(state.id, 2, {"sections": {"requirements": "10 million pages"}}, NOW)
    mocks.answer(state.id, 3, {"covered": [0, 2]}, NOW)
    with pytest.raises(MockError, match="indices run 0-3"):
        mocks.answer(state.id, 3, {"covered": [7]}, NOW)
    report = mocks.finish(state.id, NOW + timedelta(minutes=40))
    scores = {p.kind: report.mock.results[i].score for i, p in enumerate(report.mock.parts)}
    assert scores["concept"] == 1.0 and scores["coding"] == 1.0 and scores["behavioral"] == 0.5
    assert scores["design"] < 0.2
    assert report.weak_topics == ("misc",)  # the design and behavioral parts, both on misc
    expected = (4 * 1.0 + 15 * 1.0 + 12 * scores["design"] + 4 * 0.5) / 35
    assert report.mock.score == pytest.approx(expected)
    with pytest.raises(MockError, match="finished"):
        mocks.answer(state.id, 0, {"covered": []}, NOW)
    assert [m.id for m in mocks.history()] == [state.id]


def test_a_submission_from_before_the_mock_does_not_count(
    catalog: Catalog, db: Database, judge: Judge
) -> None:
    right = "def solve(x: int) -> int:\n    return x + 1\n"
    judgement = judge.submit(catalog.problems["increment"], right)
    record_submission(db, db.local_user_id(), "increment", right, judgement)
    mocks = MockInterviews(catalog, db, db.local_user_id())
    state = mocks.start(45, None, datetime.now(UTC) + timedelta(seconds=5), seed=1)
    after = mocks.answer(state.id, 1, {}, datetime.now(UTC))
    assert after.results[1].score == 0.0 and "no submission" in after.results[1].detail


def test_cli_mock_runs_end_to_end_from_scripted_answers(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PREP_CONTENT", str(catalog.root))
    script = (
        "\n".join(
            [
                "They are lazy iterators.",
                "",  # concept: the answer, then an empty line
                "1 2",  # key points covered
                "",  # coding: done (nothing submitted)
                "",  # design: done (template left empty)
                "",  # behavioral: answered aloud
                "1 2 3 4",  # every STAR part given
            ]
        )
        + "\n"
    )
    result = runner.invoke(app, ["mock", "--minutes", "45"], input=script)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "Mock interview #1: 4 parts" in flat
    assert "covered 2/4 key points" in flat and "no submission during the mock" in flat
    assert "Overall:" in flat and "prep study --topic" in flat
    import sqlite3

    with sqlite3.connect(tmp_path / "home" / "prep.sqlite3") as conn:
        answers = conn.execute("SELECT answers FROM mocks").fetchone()[0]
    assert "They are lazy iterators." in answers  # what was said is kept with the mock
    assert "Timer: 4 min, until" in flat
    history = runner.invoke(app, ["mock", "history"])
    assert "45" in history.output and "%" in history.output
