"""`prep content stats`: coverage per topic and per likely question, as JSON and as a table."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.catalog import Catalog
from tests.conftest import REAL_CONTENT, write_tree

runner = CliRunner()


def test_json_reports_every_topic_and_question_of_the_tiny_content(tiny_content: Path) -> None:
    write_tree(
        tiny_content,
        {
            "interview/answers/q-gens.md": "---\nquestion: q-gens\nshort_answer: Lazy iterators.\nkey_points: [yield]\n---\nFull answer.\n"
        },
    )
    result = runner.invoke(app, ["content", "stats", "--json", "--content", str(tiny_content)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["topics"][0] == {
        "id": "gens",
        "section": "basics",
        "title": "Generators",
        "seed": "Generators",
        "priority": "high",
        "lessons": 1,
        "cards": 4,
        "card_types": {"recall": 1, "choice": 1, "output": 1, "cloze": 1},
        "exercises": 0,
    }
    assert [t["id"] for t in data["topics"]] == ["gens", "funcs", "misc"]
    assert data["topics"][2]["priority"] == "normal" and data["topics"][2]["lessons"] == 0
    assert data["questions"] == [
        {"id": "q-gens", "seed": "What are generators?", "section": "basics", "model_answer": True}
    ]


def test_json_over_the_real_content_covers_the_whole_seed() -> None:
    result = runner.invoke(app, ["content", "stats", "--json", "--content", str(REAL_CONTENT)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["topics"]) == 122 and len(data["questions"]) == 19
    keys = {
        "id",
        "section",
        "title",
        "seed",
        "priority",
        "lessons",
        "cards",
        "card_types",
        "exercises",
    }
    assert all(set(t) == keys for t in data["topics"])
    assert all(set(q) == {"id", "seed", "section", "model_answer"} for q in data["questions"])


def test_every_topic_has_a_lesson_and_five_cards_of_two_kinds() -> None:
    result = runner.invoke(app, ["content", "stats", "--json", "--content", str(REAL_CONTENT)])
    data = json.loads(result.output)
    assert len(data["topics"]) == 122
    thin = [
        t["id"]
        for t in data["topics"]
        if t["lessons"] != 1 or t["cards"] < 5 or len(t["card_types"]) < 2
    ]
    assert thin == []
    assert [q["id"] for q in data["questions"] if not q["model_answer"]] == []


def test_the_reading_list_covers_every_recommended_resource(real_catalog: Catalog) -> None:
    assert set(real_catalog.reading) == {r.id for r in real_catalog.resources}
    assert len(real_catalog.resources) == 8


def test_every_design_sheet_and_devops_artefact_is_validated(real_catalog: Catalog) -> None:
    """The system-design lessons are sheets, and DevOps lessons carry schema-checked config."""
    from prep.content.design_sheets import design_sheet_problems

    sheets = [real_catalog.lessons[t.id] for t in real_catalog.topics_in("system-design")]
    assert len(sheets) == 10 and all(design_sheet_problems(s.body) == [] for s in sheets)
    schemas = {
        ex.schema
        for t in real_catalog.topics_in("devops-cicd")
        for ex in real_catalog.lessons[t.id].examples
        if ex.runs
    }
    assert {"k8s", "github-actions", "gitlab-ci", "compose"} <= schemas
    languages = {
        ex.language for lesson in real_catalog.lessons.values() for ex in lesson.examples if ex.runs
    }
    assert {"dockerfile", "hcl"} <= languages


def test_table_lists_topics_and_question_coverage(tiny_content: Path) -> None:
    result = runner.invoke(app, ["content", "stats", "--content", str(tiny_content)])
    assert result.exit_code == 0
    assert "gens" in result.output and "Likely questions with a model answer: 0/1" in result.output


def test_invalid_content_gives_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["content", "stats", "--content", str(tmp_path)])
    assert result.exit_code == 1
    assert "is invalid; run `prep content check`" in result.output
    assert "curriculum.yaml: file not found" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


#: What issue 7 asks for, per lab kind.
LAB_MINIMUMS = {
    "python": 25,
    "concurrency": 10,
    "sql": 15,
    "testing": 6,
    "fastapi": 6,
    "config": 12,
    "git": 6,
}

#: Topics of sections 1-8 that no automatically graded exercise can honestly practise, and why.
NOT_HANDS_ON = {
    "agile-scrum-ceremonies": "a team ritual: practised with a team, not graded by a machine",
    "agile-user-stories": "writing and estimating stories is judged by people, not by a checker",
    "agile-velocity-burndown": "reading team charts is covered by cards; there is nothing to build",
    "k8s-helm": "rendering a chart needs the helm binary, which no registry we may use ships",
}


def test_labs_of_every_kind_reach_the_counts_asked_for(real_catalog: Catalog) -> None:
    counts = {kind: 0 for kind in LAB_MINIMUMS}
    for lab in real_catalog.labs.values():
        counts[lab.kind] += 1
    short = {k: (counts[k], n) for k, n in LAB_MINIMUMS.items() if counts[k] < n}
    assert short == {}


def test_every_hands_on_topic_of_sections_1_to_8_has_an_exercise() -> None:
    result = runner.invoke(app, ["content", "stats", "--json", "--content", str(REAL_CONTENT)])
    topics = json.loads(result.output)["topics"]
    missing = [
        t["id"]
        for t in topics
        if t["section"] != "system-design" and t["exercises"] == 0 and t["id"] not in NOT_HANDS_ON
    ]
    assert missing == []
    assert all(t["exercises"] == 0 for t in topics if t["id"] in NOT_HANDS_ON)
