"""The plan to the interview date and the recall forecast, checked against FSRS itself."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.catalog import Catalog
from prep.store.database import Database, open_database
from prep.store.queries import card_states
from prep.study.plan import PlanError, make_plan
from prep.study.scheduler import make_scheduler, to_fsrs
from prep.study.session import StudyService
from prep.study.settings import load_settings

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
runner = CliRunner()


def test_ten_days_out_every_high_priority_topic_is_started_within_the_budget(
    real_catalog: Catalog, db: Database
) -> None:
    interview = (NOW + timedelta(days=10)).date()
    plan = make_plan(
        real_catalog, db, db.local_user_id(), NOW, interview, minutes_per_day=45, tz=UTC
    )
    assert plan.high_priority_topics_missed == ()
    assert len(plan.days) == 10 and plan.days[0].day == NOW.date()
    assert all(d.minutes <= 45 for d in plan.days)
    started = {t for d in plan.days for t in d.new_topics}
    high = {
        t.id
        for s in real_catalog.sections
        if s.priority == "high"
        for t in real_catalog.topics_in(s.id)
    }
    assert high <= started
    # The first day meets the High Priority topics before anything else.
    first = plan.days[0].new_topics
    assert {real_catalog.topics[t].priority for t in first[: len(high)]} == {"high"}
    assert 0 < plan.overall_with_plan < 1 and plan.overall_now == 0


def test_forecast_is_fsrs_retrievability_on_the_day(tiny_catalog: Catalog, db: Database) -> None:
    user = db.local_user_id()
    study = StudyService(tiny_catalog, db, user, tz=UTC)
    study.record("gens/lazy", 4, NOW - timedelta(days=3))  # Easy: straight to a long interval
    row = card_states(db, user)["gens/lazy"]
    interview = (NOW + timedelta(days=1)).date()
    assert row.due > datetime(2026, 12, 1, tzinfo=UTC)  # no review falls before the interview
    plan = make_plan(tiny_catalog, db, user, NOW, interview, minutes_per_day=0, tz=UTC)
    moment = datetime(2026, 11, 30, 9, tzinfo=UTC)
    direct = make_scheduler(load_settings(db, user).desired_retention).get_card_retrievability(
        to_fsrs(row), moment
    )
    basics = next(s for s in plan.forecast if s.section_id == "basics")
    cards = len([c for t in ("gens", "funcs") for c in tiny_catalog.cards_for(t)])
    assert basics.recall_with_plan == pytest.approx(direct / cards)
    assert basics.recall_if_you_stop == pytest.approx(direct / cards)
    assert plan.days[0].new_cards == 0 and plan.unseen_left == len(tiny_catalog.cards) - 1


def test_reviews_due_are_planned_before_new_cards(tiny_catalog: Catalog, db: Database) -> None:
    plan = make_plan(
        tiny_catalog, db, db.local_user_id(), NOW, (NOW + timedelta(days=20)).date(), tz=UTC
    )
    assert plan.unseen_left == 0 and plan.days[0].new_cards == len(tiny_catalog.cards)
    assert sum(d.reviews for d in plan.days) > len(tiny_catalog.cards)  # later reviews planned
    assert plan.forecast[0].recall_with_plan > 0.8


def test_a_date_that_is_not_in_the_future_is_refused(tiny_catalog: Catalog, db: Database) -> None:
    with pytest.raises(PlanError, match="must be after today"):
        make_plan(tiny_catalog, db, db.local_user_id(), NOW, NOW.date(), tz=UTC)
    with pytest.raises(PlanError, match="more than a year away"):
        make_plan(tiny_catalog, db, db.local_user_id(), NOW, date(2099, 1, 1), tz=UTC)


def test_cli_plan_saves_the_date_and_needs_one(home: Path) -> None:
    missing = runner.invoke(app, ["plan"])
    assert missing.exit_code == 1 and "--interview-date" in missing.output
    target = (date.today() + timedelta(days=10)).isoformat()
    result = runner.invoke(app, ["plan", "--interview-date", target, "--minutes", "30"])
    assert result.exit_code == 0, result.output
    assert "Predicted recall" in result.output and "Day by day" in result.output
    db = open_database(home / "prep.sqlite3")
    assert load_settings(db, db.local_user_id()).interview_date == date.fromisoformat(target)
    db.close()
    bad = runner.invoke(app, ["plan", "--interview-date", "next week"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output
