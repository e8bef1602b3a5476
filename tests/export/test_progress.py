"""Progress export and import: a whole user's history moves; importing twice adds nothing; a bad
file is refused whole."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.catalog import Catalog
from prep.export.progress import (
    ProgressFileError,
    export_progress,
    import_progress,
    parse_progress,
)
from prep.judge.history import record_submission
from prep.judge.verdicts import CaseOutcome, Judgement
from prep.store.database import Database, open_database
from prep.study.session import StudyService
from prep.study.settings import Settings, load_settings, save_settings

runner = CliRunner()
NOW = datetime(2026, 11, 20, 9, 30, 15, 123456, tzinfo=UTC)


def _history(catalog: Catalog, db: Database) -> None:
    user = db.local_user_id()
    study = StudyService(catalog, db, user)
    for i, card_id in enumerate(["gens/lazy", "misc/" + _first("misc", catalog)]):
        study.record(card_id, 3, NOW + timedelta(minutes=i), answer="x", correct=True)
    study.record("gens/lazy", 1, NOW + timedelta(days=1))
    judgement = Judgement("accepted", (CaseOutcome("one", "accepted", 0.1, True),), 0.1, 10, "ok")
    record_submission(db, user, "increment", "def solve(x):\n    return x + 1\n", judgement)
    save_settings(db, user, Settings(0.85, 7, NOW.date()))
    from prep.interview.stories import StoryBank
    from tests.interview.test_stories import GOOD

    StoryBank(catalog, db, user).add(GOOD.model_copy(update={"questions": ["q-gens"]}))
    with db.session() as session:  # a design revision and a mock, as the services store them
        from prep.store.models import Design, Mock

        session.add(
            Design(user_id=user, prompt_id="dp-x", sections="{}", scores="[1, 2]", created_at=NOW)
        )
        session.add(
            Mock(
                user_id=user,
                minutes=45,
                focus=None,
                parts="[]",
                answers="{}",
                score=0.5,
                started_at=NOW,
            )
        )


def _first(topic: str, catalog: Catalog) -> str:
    return catalog.cards_for(topic)[0].id.split("/", 1)[1]


def _flat(text: str) -> str:
    """Rich wraps long lines at the terminal width; compare words, not line breaks."""
    return " ".join(text.split())


def _counts(db: Database) -> tuple[int, int, int]:
    with db.engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("review_logs", "card_states", "submissions")
        )


def test_a_round_trip_moves_everything_and_a_second_import_adds_nothing(
    tiny_catalog: Catalog, tmp_path: Path
) -> None:
    source = open_database(tmp_path / "a.sqlite3")
    _history(tiny_catalog, source)
    document = json.dumps(export_progress(source, source.local_user_id()))
    target = open_database(tmp_path / "b.sqlite3")
    report = import_progress(target, target.local_user_id(), parse_progress(document))
    assert (report.reviews_added, report.states_updated, report.submissions_added) == (3, 2, 1)
    assert _counts(target) == _counts(source) == (3, 2, 1)
    assert load_settings(target, target.local_user_id()) == Settings(0.85, 7, NOW.date())
    assert report.stories_added == 1 and report.designs_and_mocks_added == 2
    again = import_progress(target, target.local_user_id(), parse_progress(document))
    assert (again.reviews_added, again.states_updated, again.submissions_added) == (0, 0, 0)
    assert (again.reviews_skipped, again.states_kept, again.submissions_skipped) == (3, 2, 1)
    assert again.stories_added == 0 and again.designs_and_mocks_added == 0
    assert _counts(target) == (3, 2, 1)
    # The same stats on both machines: reviews per day, retention, streak, forecast, mastery.
    from prep.study.progress import review_stats, topic_progress

    when = NOW + timedelta(days=2)
    assert review_stats(tiny_catalog, target, target.local_user_id(), when) == review_stats(
        tiny_catalog, source, source.local_user_id(), when
    )
    assert topic_progress(tiny_catalog, target, target.local_user_id(), when) == topic_progress(
        tiny_catalog, source, source.local_user_id(), when
    )
    # Exporting the target gives the same history back.
    back = export_progress(target, target.local_user_id())
    assert back["reviews"] == json.loads(document)["reviews"]


def test_a_more_recent_local_schedule_is_kept(tiny_catalog: Catalog, tmp_path: Path) -> None:
    source = open_database(tmp_path / "a.sqlite3")
    _history(tiny_catalog, source)
    document = parse_progress(json.dumps(export_progress(source, source.local_user_id())))
    target = open_database(tmp_path / "b.sqlite3")
    StudyService(tiny_catalog, target, target.local_user_id()).record(
        "gens/lazy", 4, NOW + timedelta(days=5)
    )
    report = import_progress(target, target.local_user_id(), document)
    assert report.states_kept == 1 and report.reviews_added == 3
    with target.engine.connect() as conn:
        rating_due = conn.exec_driver_sql(
            "SELECT reps FROM card_states WHERE card_id = 'gens/lazy'"
        ).scalar()
    assert rating_due == 1  # the local state (one review, five days later) won


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: "{not json", "not valid JSON"),
        (lambda d: json.dumps({"format": "other"}), "not a prep progress file"),
        (lambda d: json.dumps(d | {"version": 9}), "version 9 is not supported"),
        (
            lambda d: json.dumps(d | {"reviews": [d["reviews"][0] | {"rating": 7}]}),
            "reviews[0].rating",
        ),
        (
            lambda d: json.dumps(
                d | {"reviews": [d["reviews"][0] | {"reviewed_at": "2026-01-01T00:00:00"}]}
            ),
            "reviews[0].reviewed_at",
        ),
    ],
)
def test_malformed_files_are_refused_naming_the_field(
    tiny_catalog: Catalog, tmp_path: Path, mutate: object, message: str
) -> None:
    source = open_database(tmp_path / "a.sqlite3")
    _history(tiny_catalog, source)
    document = export_progress(source, source.local_user_id())
    with pytest.raises(ProgressFileError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_progress(mutate(document))  # type: ignore[operator]


def test_cli_export_then_import_and_a_bad_file_changes_nothing(
    home: Path, tiny_catalog: Catalog, tmp_path: Path
) -> None:
    db = open_database(home / "prep.sqlite3")
    _history(tiny_catalog, db)
    db.close()
    out = tmp_path / "progress.json"
    exported = runner.invoke(app, ["export", "data", "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    assert "Wrote 3 reviews, 1 submissions" in _flat(exported.output)
    imported = runner.invoke(app, ["import", "data", str(out)])
    assert imported.exit_code == 0
    assert "0 reviews added (3 already present)" in _flat(imported.output)
    broken = tmp_path / "broken.json"
    data = json.loads(out.read_text())
    data["reviews"].append(data["reviews"][0] | {"rating": 0})
    data["reviews"].insert(0, data["reviews"][0] | {"card_id": "gens/new-one"})
    broken.write_text(json.dumps(data))
    refused = runner.invoke(app, ["import", "data", str(broken)])
    assert refused.exit_code == 1
    assert "reviews[4].rating" in _flat(refused.output)
    assert "nothing was imported" in _flat(refused.output)
    check = open_database(home / "prep.sqlite3")
    assert _counts(check) == (3, 2, 1)
    check.close()
