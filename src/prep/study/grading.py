"""Grading typed answers for the auto-graded card kinds. Pure functions: no I/O, no clock.

Tolerance is deliberate and kind-specific: a candidate who knows the answer should not fail on
spacing, but a wrong identifier or value must still be wrong.
"""

from __future__ import annotations

import math
import random
import re
import string
from dataclasses import dataclass

from prep.content.models import CLOZE_PATTERN, ChoiceCard, ClozeCard, OutputCard
from prep.content.sample_db import NULL, QueryResult, render_cell

LETTERS = string.ascii_lowercase


class AnswerFormatError(ValueError):
    """The answer cannot be read (e.g. a choice letter that is not offered); ask again."""


@dataclass(frozen=True)
class Grade:
    correct: bool
    expected: str
    notes: tuple[str, ...] = ()


# --- choice -------------------------------------------------------------------------------------


def choice_order(card: ChoiceCard, rng: random.Random) -> list[int]:
    """The order options are shown in, as indices into card.options."""
    order = list(range(len(card.options)))
    if card.shuffle:
        rng.shuffle(order)
    return order


def parse_choice(text: str, shown: int) -> set[int]:
    """Letters typed by the candidate ("b", "a,c", "a c", "AC") as positions in the shown order."""
    letters = [ch for ch in text.lower() if not ch.isspace() and ch not in ",;/"]
    if not letters:
        raise AnswerFormatError("type the letter of your answer")
    picked = set()
    for ch in letters:
        position = LETTERS.find(ch)
        if position < 0 or position >= shown:
            raise AnswerFormatError(f"{ch!r} is not one of the options a-{LETTERS[shown - 1]}")
        picked.add(position)
    return picked


def grade_choice(card: ChoiceCard, order: list[int], picked_positions: set[int]) -> Grade:
    picked = {order[p] for p in picked_positions}
    right = {i for i, option in enumerate(card.options) if option.correct}
    expected = ", ".join(
        f"{LETTERS[order.index(i)]}) {card.options[i].text}" for i in sorted(right, key=order.index)
    )
    return Grade(picked == right, expected, choice_notes(right, picked))


def choice_notes(right: set[int], picked: set[int]) -> tuple[str, ...]:
    """What went wrong in a choice answer, without giving the options away."""
    notes = []
    if missed := right - picked:
        notes.append(f"missed {len(missed)} correct option(s)")
    if wrong := picked - right:
        notes.append(f"picked {len(wrong)} wrong option(s)")
    return tuple(notes)


# --- output -------------------------------------------------------------------------------------


def output_lines(text: str) -> list[str]:
    """Printed output as compared: per line, surrounding spaces and blank lines do not count."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def grade_output(card: OutputCard, typed: str) -> Grade:
    return Grade(output_lines(typed) == output_lines(card.output), card.output.rstrip("\n"))


# --- cloze --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Blank:
    key: str  # "c1"
    answer: str
    hint: str | None


def cloze_blanks(card: ClozeCard) -> list[Blank]:
    """One blank per cN, in number order (a cN repeated in the text is asked once, as in Anki)."""
    found: dict[str, Blank] = {}
    for match in CLOZE_PATTERN.finditer(card.text):
        key = f"c{match.group(1)}"
        found.setdefault(key, Blank(key, match.group(2), match.group(3)))
    return sorted(found.values(), key=lambda b: int(b.key[1:]))


def cloze_masked(card: ClozeCard) -> str:
    """The text with every blank replaced by a numbered gap, showing the hint if there is one."""

    def gap(match: re.Match[str]) -> str:
        hint = match.group(3)
        return f"[{match.group(1)}: {hint}]" if hint else f"[{match.group(1)}: ___]"

    return CLOZE_PATTERN.sub(gap, card.text)


def cloze_filled(card: ClozeCard) -> str:
    return CLOZE_PATTERN.sub(lambda m: m.group(2), card.text)


def grade_cloze(card: ClozeCard, answers: list[str]) -> Grade:
    blanks = cloze_blanks(card)
    if len(answers) != len(blanks):
        raise AnswerFormatError(f"expected {len(blanks)} answer(s), got {len(answers)}")
    case_sensitive = card.lang is not None  # code is case-sensitive; prose is not
    notes = []
    for blank, typed in zip(blanks, answers, strict=True):
        accepted = (blank.answer, *card.accept.get(blank.key, ()))
        if not any(_same_loosely(typed, a, case_sensitive) for a in accepted):
            notes.append(f"blank {blank.key[1:]}: expected {blank.answer!r}, got {typed!r}")
    expected = "; ".join(f"{b.key[1:]}: {b.answer}" for b in blanks)
    return Grade(not notes, expected, tuple(notes))


def _same_loosely(typed: str, expected: str, case_sensitive: bool) -> bool:
    a, b = _squash(typed), _squash(expected)
    return a == b if case_sensitive else a.casefold() == b.casefold()


def _squash(text: str) -> str:
    """Collapse whitespace, and drop it around punctuation: `f(a, b)` equals `f(a,b)`."""
    collapsed = " ".join(text.split())
    return re.sub(r"\s*([^\w\s])\s*", r"\1", collapsed)


# --- sql ----------------------------------------------------------------------------------------

NO_ROWS = {"none", "(none)", "no rows", "empty", "(empty)"}


def parse_rows(typed: str) -> list[list[str]]:
    """Rows typed one per line, cells separated by '|'; 'none' (or nothing) for no rows."""
    lines = [line.strip() for line in typed.splitlines() if line.strip()]
    if len(lines) == 1 and lines[0].lower() in NO_ROWS:
        return []
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def grade_sql(result: QueryResult, order_matters: bool, typed: str) -> Grade:
    expected = [[render_cell(v) for v in row] for row in result.rows]
    given = parse_rows(typed)
    if order_matters:
        correct = len(given) == len(expected) and all(map(_same_row, expected, given))
    else:
        correct = _same_multiset(expected, given)
    header = " | ".join(result.columns)
    shown = header + "\n" + ("\n".join(" | ".join(row) for row in expected) or "(no rows)")
    notes = () if correct else (f"expected {len(expected)} row(s), got {len(given)}",)
    if not order_matters and not correct and len(given) == len(expected):
        notes = ("row order does not matter here: the values differ",)
    return Grade(correct, shown, notes)


def _same_cell(expected: str, typed: str) -> bool:
    if expected == NULL:
        return typed.upper() == NULL
    try:
        return math.isclose(float(expected), float(typed), rel_tol=1e-9, abs_tol=1e-9)
    except ValueError:
        return expected == typed


def _same_row(expected: list[str], typed: list[str]) -> bool:
    return len(expected) == len(typed) and all(map(_same_cell, expected, typed))


def _same_multiset(expected: list[list[str]], given: list[list[str]]) -> bool:
    remaining = list(given)
    for row in expected:
        match = next(
            (i for i, candidate in enumerate(remaining) if _same_row(row, candidate)), None
        )
        if match is None:
            return False
        remaining.pop(match)
    return not remaining
