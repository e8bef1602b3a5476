"""System-design practice: checks, revisions, self-scores against the rubric, the calculator."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.catalog import Catalog
from prep.content.check import check_content
from prep.content.loader import load_catalog
from prep.interview.design import (
    CapacityInput,
    DesignDraft,
    DesignError,
    DesignPractice,
    capacity,
    check_design,
    parse_markdown,
)
from prep.store.database import Database
from tests.conftest import TINY_DESIGN, tiny_files, write_tree

runner = CliRunner()
WORDS = " ".join(["word"] * 30)
FULL = DesignDraft(**{k: f"{WORDS} 42" for k in DesignDraft.model_fields})


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    files = tiny_files() | {"design/dp-counter.md": TINY_DESIGN}
    return load_catalog(write_tree(tmp_path / "content", files)).require()


def test_missing_thin_and_number_free_sections_are_flagged() -> None:
    assert check_design(FULL) == ()
    draft = FULL.model_copy(update={"api": "", "scaling": "add replicas", "estimates": WORDS})
    problems = check_design(draft)
    assert "API is missing" in problems and "Scaling is thin (2 words)" in problems
    assert "Estimates has no numbers: size the traffic and the storage" in problems


def test_markdown_sections_map_to_the_template() -> None:
    draft = parse_markdown(
        "# T\n## Requirements\n1M users\n## Data model\nusers(id)\n## Other\nx\n"
    )
    assert draft.requirements == "1M users" and draft.data_model == "users(id)"
    assert draft.api == ""


def test_revisions_are_kept_and_scores_follow_the_rubric(catalog: Catalog, db: Database) -> None:
    practice = DesignPractice(catalog, db, db.local_user_id())
    with pytest.raises(DesignError, match="save a design before scoring"):
        practice.score("dp-counter", [1, 1, 1, 1])
    first = practice.save("dp-counter", FULL.model_copy(update={"api": ""}))
    second = practice.save("dp-counter", FULL)
    assert first.problems and not second.problems
    assert [r.id for r in practice.revisions("dp-counter")] == [second.id, first.id]
    with pytest.raises(DesignError, match="one score per criterion"):
        practice.score("dp-counter", [1, 1])
    with pytest.raises(DesignError, match="scores 0 to 2, not 5"):
        practice.score("dp-counter", [3, 5, 1, 1])
    scored = practice.score("dp-counter", [3, 2, 1, 0])
    assert scored.score == 6 and practice.latest("dp-counter").score == 6  # type: ignore[union-attr]
    with pytest.raises(DesignError, match="no design prompt"):
        practice.save("dp-nope", FULL)


def test_capacity_shows_its_arithmetic() -> None:
    estimate = capacity(
        CapacityInput(
            daily_active_users=100_000_000,
            requests_per_user_per_day=10,
            write_fraction=0.1,
            bytes_per_write=500,
            bytes_per_response=2_000,
            retention_days=365,
        )
    )
    assert round(estimate.average_qps) == 11_574 and round(estimate.peak_qps) == 23_148
    assert estimate.storage_per_day_bytes == 50e9
    assert estimate.storage_total_bytes == 50e9 * 365 * 3
    assert estimate.steps[1] == "average QPS = 1,000,000,000 / 86,400 s = 11,574"


def test_design_prompts_are_validated_by_the_content_check(tmp_path: Path) -> None:
    broken = TINY_DESIGN.replace("model: inline", "model: lesson:nope").replace(
        "id: dp-counter", "id: dp-other"
    )
    root = write_tree(tmp_path / "content", tiny_files() | {"design/dp-counter.md": broken})
    problems = [str(d) for d in load_catalog(root).diagnostics]
    assert "design/dp-counter.md: field id: file must be named dp-other.md" in problems
    sheet = TINY_DESIGN.replace("## Failure modes\n", "")
    root = write_tree(tmp_path / "content2", tiny_files() | {"design/dp-counter.md": sheet})
    report = [str(d) for d in check_content(root).diagnostics]
    assert any("needs a '## Failure modes' section" in p for p in report)


def test_cli_start_check_reveal_score_and_capacity(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PREP_CONTENT", str(catalog.root))
    started = runner.invoke(app, ["design", "start", "dp-counter"])
    assert started.exit_code == 0, started.output
    workspace = tmp_path / "home" / "designs" / "dp-counter.md"
    assert "## Failure modes" in workspace.read_text()
    checked = runner.invoke(app, ["design", "check", "dp-counter"])
    assert "Requirements is missing" in checked.output
    workspace.write_text(
        "\n".join(
            f"## {h}\n{WORDS} 7"
            for h in (
                "Requirements",
                "Estimates",
                "API",
                "Data model",
                "Architecture",
                "Scaling",
                "Trade-offs",
                "Failure modes",
            )
        )
    )
    assert "Every section is there" in runner.invoke(app, ["design", "check", "dp-counter"]).output
    revealed = runner.invoke(app, ["design", "reveal", "dp-counter"])
    assert "Rubric" in revealed.output and "Batching writes" in revealed.output
    scored = runner.invoke(app, ["design", "score", "dp-counter", "3", "2", "2", "1"])
    assert scored.exit_code == 0 and "8/10" in scored.output
    listing = runner.invoke(app, ["design"])
    assert "8/10" in listing.output and "complete" in listing.output
    bad = runner.invoke(app, ["design", "score", "dp-counter", "9", "2", "2", "1"])
    assert bad.exit_code == 1 and "scores 0 to 3" in bad.output
    calc = runner.invoke(app, ["capacity", "--users", "1000000", "--requests", "20"])
    assert "average QPS = 20,000,000 / 86,400 s = 231" in calc.output
    assert runner.invoke(app, ["design", "start", "dp-nope"]).exit_code == 1
