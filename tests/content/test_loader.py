"""The loader turns good content into a read-only catalog and every kind of bad file into a
diagnostic naming the file, the item and the field; it never raises on bad content."""

from __future__ import annotations

from pathlib import Path

import pytest

from prep.content.catalog import Catalog
from prep.content.diagnostics import ContentError, Diagnostic
from prep.content.loader import load_catalog
from prep.content.models import ChoiceCard
from tests.conftest import GENS_CARDS, tiny_files, write_tree


def test_good_content_loads_every_kind_into_the_catalog(tiny_catalog: Catalog) -> None:
    assert [s.id for s in tiny_catalog.sections] == ["basics", "extras"]
    assert list(tiny_catalog.topics) == ["gens", "funcs", "misc"]
    assert tiny_catalog.topics["funcs"].seed == "`*args` and `**kwargs`"
    kinds = {c.kind for c in tiny_catalog.cards.values()}
    assert kinds == {"recall", "choice", "output", "cloze"}
    assert [c.id for c in tiny_catalog.cards_for("gens")] == [
        "gens/lazy",
        "gens/pick",
        "gens/define",
        "gens/keyword",
    ]
    lesson = tiny_catalog.lessons["gens"]
    assert [(e.expected_output, e.runs) for e in lesson.examples] == [("6\n", True)]
    assert lesson.examples[0].line == 9  # line of the opening fence in the file
    pick = tiny_catalog.cards["gens/pick"].spec
    assert isinstance(pick, ChoiceCard) and pick.multiple


def test_catalog_cannot_be_modified(tiny_catalog: Catalog) -> None:
    with pytest.raises(TypeError):
        tiny_catalog.cards["x"] = tiny_catalog.cards["gens/lazy"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        tiny_catalog.sections = ()  # type: ignore[misc]


def _diagnostics(tmp_path: Path, changes: dict[str, str | None]) -> list[Diagnostic]:
    """Diagnostics for the tiny content with some files replaced (or removed, for None)."""
    files: dict[str, str] = tiny_files()
    for relative, text in changes.items():
        if text is None:
            del files[relative]
        else:
            files[relative] = text
    result = load_catalog(write_tree(tmp_path / "content", files))
    return list(result.diagnostics)


def _one(diagnostics: list[Diagnostic]) -> Diagnostic:
    assert len(diagnostics) == 1, diagnostics
    return diagnostics[0]


BAD_CARD_FILES = {
    "yaml-syntax": ("topic: gens\ncards: [\n", None, None, "not valid YAML"),
    "duplicate-yaml-key": (
        "topic: gens\ntopic: funcs\ncards: []\n",
        None,
        None,
        "duplicate key 'topic'",
    ),
    "unknown-field": (
        GENS_CARDS.replace("    explanation: A generator", "    explaination: A generator"),
        "card lazy",
        "explaination",
        "unknown field",
    ),
    "unknown-kind": (
        GENS_CARDS.replace("kind: recall", "kind: recal"),
        "card define",
        "kind",
        "recal",
    ),
    "missing-answer": (
        GENS_CARDS.replace("    answer: A function that yields values lazily.\n", ""),
        "card define",
        "answer",
        "required field is missing",
    ),
    "unknown-topic": (
        GENS_CARDS.replace("topic: gens", "topic: nope"),
        None,
        "topic",
        "unknown topic id 'nope'",
    ),
    "duplicate-card-id": (
        GENS_CARDS.replace("id: define", "id: lazy"),
        "card lazy",
        "id",
        "duplicate card id",
    ),
    "choice-without-correct": (
        GENS_CARDS.replace("correct: true", "correct: false"),
        "card pick",
        "options",
        "no option is marked correct",
    ),
    "cloze-without-blank": (
        GENS_CARDS.replace("{{c1::yield}}", "yield"),
        "card keyword",
        None,
        "text has no blank",
    ),
    "empty-output": (
        GENS_CARDS.replace("      [0, 1] []\n", "      \n"),
        "card lazy",
        "output",
        "expected output is empty",
    ),
}


@pytest.mark.parametrize(
    "text,item,field,message", BAD_CARD_FILES.values(), ids=BAD_CARD_FILES.keys()
)
def test_bad_card_file_is_reported_with_file_item_and_field(
    tmp_path: Path, text: str, item: str | None, field: str | None, message: str
) -> None:
    diagnostic = _one(_diagnostics(tmp_path, {"cards/basics/gens.yaml": text}))
    assert diagnostic.path == "cards/basics/gens.yaml"
    assert (diagnostic.item, diagnostic.field) == (item, field)
    assert message in diagnostic.message


def test_other_cards_of_a_file_still_load_when_one_is_bad(tmp_path: Path) -> None:
    files = tiny_files()
    files["cards/basics/gens.yaml"] = GENS_CARDS.replace("kind: recall", "kind: recal")
    result = load_catalog(write_tree(tmp_path / "content", files))
    assert "gens/lazy" in result.catalog.cards  # type: ignore[union-attr]
    with pytest.raises(ContentError, match="card define"):
        result.require()


def test_card_file_in_the_wrong_folder_is_reported(tmp_path: Path) -> None:
    diagnostic = _one(
        _diagnostics(
            tmp_path, {"cards/basics/gens.yaml": None, "cards/extras/gens.yaml": GENS_CARDS}
        )
    )
    assert diagnostic.path == "cards/extras/gens.yaml"
    assert "must be at cards/basics/gens.yaml" in diagnostic.message


BAD_LESSONS = {
    "no-front-matter": ("# Just a title\n", None, "must start with a '---' line"),
    "unclosed-front-matter": ("---\ntopic: gens\n", None, "not closed"),
    "front-matter-not-mapping": ("---\n- a\n---\nbody\n", None, "must be a YAML mapping"),
    "missing-summary": (
        "---\ntopic: gens\nkey_points: [a]\npitfalls: [b]\n---\n",
        "summary",
        "required field is missing",
    ),
    "unquoted-colon": (
        "---\ntopic: gens\nsummary: s\nkey_points:\n  - Note: lazy\npitfalls: [b]\n---\n",
        "key_points[0]",
        "quote text that contains ': '",
    ),
    "no-verified-example": (
        "---\ntopic: gens\nsummary: s\nkey_points: [a]\npitfalls: [b]\n---\n```python\nprint(1)\n```\n",
        None,
        "no runnable example with its output",
    ),
}


@pytest.mark.parametrize("text,field,message", BAD_LESSONS.values(), ids=BAD_LESSONS.keys())
def test_bad_lesson_is_reported(tmp_path: Path, text: str, field: str | None, message: str) -> None:
    diagnostics = _diagnostics(tmp_path, {"lessons/basics/gens.md": text})
    assert {d.path for d in diagnostics} == {"lessons/basics/gens.md"}
    assert any(d.field == field and message in d.message for d in diagnostics), diagnostics


def test_curriculum_with_duplicate_topic_id_is_reported(tmp_path: Path) -> None:
    curriculum = tiny_files()["curriculum.yaml"].replace("{id: misc,", "{id: gens,")
    diagnostics = _diagnostics(
        tmp_path, {"curriculum.yaml": curriculum, "cards/extras/misc.yaml": None}
    )
    assert Diagnostic("curriculum.yaml", "topic gens", "id", "duplicate topic id") in diagnostics


def test_question_pointing_at_unknown_topic_is_reported(tmp_path: Path) -> None:
    curriculum = tiny_files()["curriculum.yaml"].replace(
        "kind: technical, topics: [gens]", "kind: technical, topics: [nope]"
    )
    diagnostic = _one(_diagnostics(tmp_path, {"curriculum.yaml": curriculum}))
    assert (diagnostic.item, diagnostic.field) == ("question q-gens", "topics[0]")


def test_missing_curriculum_yields_no_catalog_and_a_clear_message(tmp_path: Path) -> None:
    result = load_catalog(tmp_path)
    assert result.catalog is None
    assert "file not found" in _one(list(result.diagnostics)).message


def test_model_answer_for_unknown_question_is_reported(tmp_path: Path) -> None:
    answer = "---\nquestion: q-nope\nshort_answer: s\nkey_points: [a]\n---\nbody\n"
    diagnostic = _one(_diagnostics(tmp_path, {"interview/answers/q-nope.md": answer}))
    assert diagnostic.path == "interview/answers/q-nope.md"
    assert "unknown question id" in diagnostic.message
