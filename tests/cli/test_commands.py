"""`prep topics`, `prep stats`, `prep lesson`, `prep settings`, and the README documenting them."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from typer.main import get_command
from typer.testing import CliRunner

from prep.cli.app import app
from tests.cli.conftest import review_rows
from tests.conftest import REPO_ROOT

runner = CliRunner()


def test_topics_shows_every_section_and_progress_after_a_review(home: Path) -> None:
    runner.invoke(app, ["study", "--limit", "1"], input="[0, 1] []\n\n\n")
    result = runner.invoke(app, ["topics"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Basics (high priority)" in out and "Extras" in out
    gens = next(line for line in out.splitlines() if " gens " in line)
    assert re.search(r"│\s+4 │\s+1 │\s+0 │\s+\d+% │", gens), gens  # 4 cards, 1 seen, 0 due
    filtered = runner.invoke(app, ["topics", "--section", "extras"], env={"COLUMNS": "200"})
    assert "Miscellany" in filtered.output and "Generators" not in filtered.output


def test_topics_with_unknown_section_is_a_clear_error(home: Path) -> None:
    result = runner.invoke(app, ["topics", "--section", "nope"])
    assert result.exit_code == 1 and "unknown section 'nope'" in result.output


def test_stats_shows_reviews_retention_and_forecast(home: Path) -> None:
    empty = runner.invoke(app, ["stats"])
    assert (
        empty.exit_code == 0
        and "0 in total" in empty.output
        and "no mature reviews yet" in empty.output
    )
    runner.invoke(app, ["study", "--limit", "1"], input="[0, 1] []\n\n\n")
    result = runner.invoke(app, ["stats"])
    assert "1 in total · streak 1 day(s)" in result.output
    assert "Due in the next 7 days" in result.output


def test_lesson_renders_summary_body_and_pitfalls(home: Path) -> None:
    result = runner.invoke(app, ["lesson", "gens"])
    assert result.exit_code == 0, result.output
    for text in (
        "Generators produce values lazily.",
        "Key points",
        "They are single-pass.",
        "print(sum(",
    ):
        assert text in result.output
    missing = runner.invoke(app, ["lesson", "misc"])
    assert missing.exit_code == 1 and "has no lesson yet" in missing.output
    unknown = runner.invoke(app, ["lesson", "nope"])
    assert unknown.exit_code == 1 and "unknown topic 'nope'" in unknown.output


def test_settings_are_shown_changed_and_invalid_values_change_nothing(home: Path) -> None:
    assert "new-cards-per-day │ 20" in runner.invoke(app, ["settings"]).output
    assert runner.invoke(app, ["settings", "set", "new-cards-per-day", "1"]).exit_code == 0
    bad = runner.invoke(app, ["settings", "set", "desired-retention", "2"])
    assert bad.exit_code == 1 and "between 0.7 and 0.99" in bad.output
    shown = runner.invoke(app, ["settings"]).output
    assert "new-cards-per-day │ 1 " in shown and "desired-retention │ 0.9 " in shown
    runner.invoke(app, ["study"], input="[0, 1] []\n\n\n")  # the limit of 1 new card applies
    assert len(review_rows(home)) == 1


def test_data_directory_that_cannot_be_created_is_a_clear_error(
    tmp_path: Path, tiny_content: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    env = {"PREP_HOME": str(blocker / "sub"), "PREP_CONTENT": str(tiny_content)}
    result = runner.invoke(app, ["stats"], env=env)
    assert result.exit_code == 1
    assert "cannot create the data directory" in result.output and "Traceback" not in result.output


def _command_paths(group: typer.Typer) -> list[str]:
    root = get_command(group)
    paths = []

    def walk(command: object, prefix: str) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            paths.append(f"{prefix}{name}")
            walk(sub, f"{prefix}{name} ")

    walk(root, "")
    return paths


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [path for path in _command_paths(app) if f"prep {path}" not in readme]
    assert missing == []
