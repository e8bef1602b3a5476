"""Auto-grading is tolerant of layout, never of substance."""

from __future__ import annotations

import random

import pytest

from prep.content.models import ChoiceCard, ChoiceOption, ClozeCard, OutputCard
from prep.study.grading import (
    AnswerFormatError,
    choice_order,
    cloze_blanks,
    cloze_filled,
    cloze_masked,
    grade_choice,
    grade_cloze,
    grade_output,
    parse_choice,
)

SINGLE = ChoiceCard(
    id="c",
    kind="choice",
    prompt="p",
    shuffle=False,
    options=(ChoiceOption(text="right", correct=True), ChoiceOption(text="wrong")),
)
MULTI = ChoiceCard(
    id="m",
    kind="choice",
    prompt="p",
    shuffle=False,
    options=(
        ChoiceOption(text="a", correct=True),
        ChoiceOption(text="b"),
        ChoiceOption(text="c", correct=True),
    ),
)


@pytest.mark.parametrize(
    "typed,expected", [("a", {0}), ("A", {0}), ("a,c", {0, 2}), ("c a", {0, 2}), ("ac", {0, 2})]
)
def test_choice_letters_are_read_in_any_common_form(typed: str, expected: set[int]) -> None:
    assert parse_choice(typed, 3) == expected


@pytest.mark.parametrize("typed", ["", "d", "1", "a,z"])
def test_choice_letters_that_are_not_offered_are_refused(typed: str) -> None:
    with pytest.raises(AnswerFormatError):
        parse_choice(typed, 3)


def test_single_choice_is_right_only_with_the_right_option() -> None:
    assert grade_choice(SINGLE, [0, 1], {0}).correct
    assert not grade_choice(SINGLE, [0, 1], {1}).correct
    assert not grade_choice(SINGLE, [0, 1], {0, 1}).correct


def test_multiple_choice_needs_exactly_the_correct_set() -> None:
    assert grade_choice(MULTI, [0, 1, 2], {0, 2}).correct
    partial = grade_choice(MULTI, [0, 1, 2], {0})
    assert not partial.correct and partial.notes == ("missed 1 correct option(s)",)
    assert grade_choice(MULTI, [0, 1, 2], {0, 1, 2}).notes == ("picked 1 wrong option(s)",)


def test_shuffled_choice_grades_by_the_letters_as_shown() -> None:
    card = MULTI.model_copy(update={"shuffle": True})
    order = choice_order(card, random.Random(7))
    assert sorted(order) == [0, 1, 2]
    shown_positions = {order.index(0), order.index(2)}
    grade = grade_choice(card, order, shown_positions)
    assert grade.correct
    assert grade.expected.count(")") == 2


def test_unshuffled_choice_keeps_the_written_order() -> None:
    assert choice_order(SINGLE, random.Random(1)) == [0, 1]


OUTPUT = OutputCard(id="o", kind="output", code="print(1)", output="[1, 2]\nTrue\n")


@pytest.mark.parametrize("typed", ["[1, 2]\nTrue", "  [1, 2]  \nTrue\n\n", "[1, 2]\n\nTrue"])
def test_output_ignores_surrounding_spaces_and_blank_lines(typed: str) -> None:
    assert grade_output(OUTPUT, typed).correct


@pytest.mark.parametrize("typed", ["[1,2]\nTrue", "[1, 2]\ntrue", "[1, 2]", "True\n[1, 2]"])
def test_output_with_different_content_is_wrong(typed: str) -> None:
    assert not grade_output(OUTPUT, typed).correct


CODE_CLOZE = ClozeCard(
    id="k",
    kind="cloze",
    lang="python",
    text="result = {{c1::sorted(xs, key=len)}}\n{{c2::yield}} result\n",
    accept={"c1": ("sorted(xs,key=len)",)},
)
PROSE_CLOZE = ClozeCard(
    id="p",
    kind="cloze",
    text="CPython frees most objects by {{c1::reference counting::two words}}.",
)


def test_cloze_blanks_masks_and_fill() -> None:
    assert [b.key for b in cloze_blanks(CODE_CLOZE)] == ["c1", "c2"]
    assert cloze_masked(CODE_CLOZE) == "result = [1: ___]\n[2: ___] result\n"
    assert cloze_masked(PROSE_CLOZE) == "CPython frees most objects by [1: two words]."
    assert cloze_filled(PROSE_CLOZE) == "CPython frees most objects by reference counting."


@pytest.mark.parametrize(
    "first", ["sorted(xs, key=len)", "sorted( xs ,key = len )", "sorted(xs,key=len)"]
)
def test_code_cloze_tolerates_whitespace(first: str) -> None:
    assert grade_cloze(CODE_CLOZE, [first, "yield"]).correct


@pytest.mark.parametrize(
    "first,second",
    [("sorted(xs, key=str)", "yield"), ("sorted(xs, key=len)", "Yield"), ("sortedxs", "yield")],
)
def test_code_cloze_is_exact_about_tokens_and_case(first: str, second: str) -> None:
    grade = grade_cloze(CODE_CLOZE, [first, second])
    assert not grade.correct and len(grade.notes) == 1


def test_prose_cloze_ignores_case_and_spacing() -> None:
    assert grade_cloze(PROSE_CLOZE, ["  Reference   Counting "]).correct
    assert not grade_cloze(PROSE_CLOZE, ["garbage collection"]).correct


def test_cloze_with_the_wrong_number_of_answers_is_refused() -> None:
    with pytest.raises(AnswerFormatError):
        grade_cloze(CODE_CLOZE, ["only one"])
