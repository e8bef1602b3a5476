"""The story bank: checks a behavioral interviewer applies, matching, and per-user storage."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.catalog import Catalog
from prep.interview.stories import StoryBank, StoryError, StoryInput, check_story
from prep.store.database import Database

runner = CliRunner()

GOOD = StoryInput(
    title="Cut deploy time",
    situation=(
        "Our monolith deployed once a week through a manual runbook, and every release needed "
        "a two-hour freeze with three engineers online late at night. Releases batched forty "
        "changes, so when one broke production nobody could tell which change it was, and "
        "rollbacks meant restoring a database snapshot by hand."
    ),
    task=(
        "As the senior engineer on the platform team I owned making releases safe enough to run "
        "on any weekday afternoon."
    ),
    action=(
        "I wrote a GitHub Actions pipeline that built one image per commit, ran the tests in "
        "parallel, and promoted the same digest from staging to production behind a manual "
        "approval. I added a health-checked rolling update and an automatic rollback when the "
        "error rate crossed one percent, and I paired with each team lead for a week so they "
        "could own their own releases. When the database team worried about migrations, I "
        "proposed expand-and-contract changes and wrote the checklist we still use, and I "
        "measured lead time and failure rate every week so the gains were visible to everyone."
    ),
    result=(
        "Deploys went from one a week to eight a day, lead time fell from five days to two hours, "
        "and we had zero late-night releases in the following quarter. Two other teams adopted "
        "the pipeline within a month, and I learned to sell a change with numbers first."
    ),
    questions=["q-improved-deployment"],
    competencies=["deployment-improvements", "delivery"],
)


def test_a_complete_quantified_story_passes_every_check() -> None:
    check = check_story(GOOD)
    assert check.problems == () and 40 <= check.spoken_seconds <= 150


def test_thin_parts_unquantified_results_and_we_stories_are_flagged() -> None:
    weak = GOOD.model_copy(
        update={"task": "", "result": "It went much better.", "action": "we fixed it together"}
    )
    problems = " | ".join(check_story(weak).problems)
    assert "the task is missing" in problems
    assert "the result has no number" in problems
    assert "says 'we' but never 'I'" in problems
    assert "too short for two minutes" in problems


def test_unknown_competencies_are_refused() -> None:
    with pytest.raises(ValueError, match="competencies"):
        StoryInput.model_validate(GOOD.model_dump() | {"competencies": ["heroics"]})


def test_stories_are_stored_per_user_and_matched_to_questions(
    tiny_catalog: Catalog, db: Database
) -> None:
    from prep.web.accounts import create_account

    mine = StoryBank(tiny_catalog, db, db.local_user_id())
    other = StoryBank(tiny_catalog, db, create_account(db, "bob", "long enough password"))
    with pytest.raises(StoryError, match="unknown question"):
        mine.add(GOOD)  # the tiny catalog has no q-improved-deployment
    saved = mine.add(GOOD.model_copy(update={"questions": ["q-gens"]}))
    assert mine.best_for("q-gens") == saved
    assert mine.best_for("q-improved-deployment") == saved  # by shared competencies
    assert mine.best_for("q-staying-updated") is None
    with pytest.raises(StoryError, match=f"no story {saved.id}"):
        other.get(saved.id)
    with pytest.raises(StoryError):
        other.delete(saved.id)
    assert other.all() == [] and len(mine.all()) == 1
    updated = mine.update(saved.id, saved.story.model_copy(update={"title": "Faster deploys"}))
    assert mine.get(saved.id).story.title == "Faster deploys" == updated.story.title
    mine.delete(saved.id)
    assert mine.all() == []


def test_cli_adds_lists_and_practises(home: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.yaml"
    data = GOOD.model_dump() | {"questions": ["q-gens"]}
    import yaml

    story.write_text(yaml.safe_dump(data))
    added = runner.invoke(app, ["stories", "add", str(story)])
    assert added.exit_code == 0, added.output
    assert "Saved story #1" in added.output
    listed = runner.invoke(app, ["stories"])
    assert "Cut deploy time" in listed.output and "✓" in listed.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: x\nsituation: [unclosed\n")
    refused = runner.invoke(app, ["stories", "add", str(broken)])
    assert refused.exit_code == 1 and "not valid YAML" in refused.output
    missing = tmp_path / "missing.yaml"
    missing.write_text("title: only a title\n")
    refused = runner.invoke(app, ["stories", "add", str(missing)])
    assert refused.exit_code == 1 and "situation" in refused.output
    assert "nothing was saved" in " ".join(refused.output.split())


def test_cli_practice_shows_the_matching_story_or_says_there_is_none(
    home: Path, tmp_path: Path
) -> None:
    import yaml

    none_yet = runner.invoke(app, ["stories", "practice", "--question", "q-gens"])
    assert none_yet.exit_code == 0 and "No story matches q-gens" in none_yet.output
    story = tmp_path / "story.yaml"
    story.write_text(yaml.safe_dump(GOOD.model_dump() | {"questions": ["q-gens"]}))
    runner.invoke(app, ["stories", "add", str(story)])
    shown = runner.invoke(app, ["stories", "practice", "--question", "q-gens"])
    assert "Cut deploy time" in shown.output and "Situation:" in shown.output
    unknown = runner.invoke(app, ["stories", "practice", "--question", "q-nope"])
    assert unknown.exit_code == 1 and "no question 'q-nope'" in unknown.output
