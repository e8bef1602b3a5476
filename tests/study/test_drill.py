"""The likely-questions drill: coverage of key points becomes an FSRS review of the question."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.catalog import Catalog
from prep.content.loader import load_catalog
from prep.store.database import Database
from prep.study.drill import DrillError, DrillService, rating_for
from prep.study.session import Scope, StudyService
from tests.conftest import GENS_ANSWER, tiny_files, write_tree

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
runner = CliRunner()


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    files = tiny_files() | {"interview/answers/q-gens.md": GENS_ANSWER}
    return load_catalog(write_tree(tmp_path / "content", files)).require()


def test_coverage_sets_the_rating() -> None:
    assert [rating_for(n, 4) for n in range(5)] == [1, 1, 2, 3, 4]


def test_a_poor_answer_comes_back_sooner_than_a_full_one(catalog: Catalog, db: Database) -> None:
    drill = DrillService(catalog, db, db.local_user_id())
    first = drill.next_question(NOW)
    assert first is not None and first.question.id == "q-gens" and first.is_new
    poor = drill.record("q-gens", {0}, NOW, answer="they are lazy")
    assert poor.rating == 1 and poor.outcome.due < NOW + timedelta(hours=1)
    assert drill.next_question(NOW) is None  # relearning: not due yet
    assert drill.next_question(poor.outcome.due).question.id == "q-gens"  # type: ignore[union-attr]
    full = drill.record("q-gens", {0, 1, 2, 3}, poor.outcome.due)
    assert full.rating == 4 and full.outcome.due >= poor.outcome.due + timedelta(days=1)


def test_drilled_questions_are_not_cards_and_use_no_daily_new_card_slot(
    catalog: Catalog, db: Database
) -> None:
    user = db.local_user_id()
    study = StudyService(catalog, db, user)
    before = study.counts(Scope(), NOW)
    DrillService(catalog, db, user).record("q-gens", set(), NOW)
    after = study.counts(Scope(), NOW + timedelta(minutes=30))
    assert after.new == before.new and after.due == 0
    upcoming = study.next_card(Scope(), NOW + timedelta(minutes=30))
    assert upcoming is not None and not upcoming.card.id.startswith("question:")


def test_invalid_drill_answers_are_refused(catalog: Catalog, db: Database) -> None:
    drill = DrillService(catalog, db, db.local_user_id())
    with pytest.raises(DrillError, match="numbered 0-3"):
        drill.record("q-gens", {4}, NOW)
    with pytest.raises(DrillError, match="no question"):
        drill.record("q-nope", set(), NOW)


def test_cli_drill_asks_reveals_and_records(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PREP_CONTENT", str(catalog.root))
    result = runner.invoke(app, ["drill", "--limit", "1"], input="lazy values\n\n9\n1 2 3\n")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "What are generators?" in flat and "30-second answer" in flat
    assert "Type numbers from 1 to 4" in flat  # "9" was refused, then asked again
    assert "Covered 3/4 (75%)" in flat and "Drilled 1 question(s)" in flat
