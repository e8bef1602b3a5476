"""Grading an answer given through the web app or the API, and the rating it earns.

The terminal asks step by step; a browser or API client sends the whole answer at once. Both
end in the same grading functions, and the server, never the client, decides whether an
auto-graded answer was right: a wrong answer is always recorded as Again.
"""

from __future__ import annotations

from dataclasses import dataclass

from prep.content.catalog import Card, Catalog
from prep.content.models import ChoiceCard, ClozeCard, OutputCard, RecallCard, SqlCard
from prep.content.sample_db import run_query
from prep.study import grading
from prep.study.grading import AnswerFormatError, Grade
from prep.study.scheduler import Rating


@dataclass(frozen=True)
class Answer:
    """What the candidate gave; which field is needed depends on the card's kind."""

    choices: tuple[int, ...] | None = None  # option indices, as numbered in the card file
    text: str | None = None  # output cards: the printed text; sql cards: rows 'a | b'
    blanks: tuple[str, ...] | None = None  # cloze cards: one answer per blank, in order

    def as_log_text(self) -> str | None:
        """The answer as kept in the review log."""
        if self.choices is not None:
            return ",".join(str(c) for c in self.choices)
        if self.blanks is not None:
            return "\n".join(self.blanks)
        return self.text


def is_auto_graded(card: Card) -> bool:
    return not isinstance(card.spec, RecallCard)


def grade_answer(catalog: Catalog, card: Card, answer: Answer) -> Grade:
    """Grade an auto-graded card; AnswerFormatError names what is missing or malformed."""
    spec = card.spec
    if isinstance(spec, ChoiceCard):
        if not answer.choices:
            raise AnswerFormatError("a choice card needs 'choices': the indices of the options")
        picked = set(answer.choices)
        if any(not 0 <= i < len(spec.options) for i in picked):
            raise AnswerFormatError(f"choices must be option indices 0-{len(spec.options) - 1}")
        right = {i for i, option in enumerate(spec.options) if option.correct}
        expected = "\n".join(spec.options[i].text for i in sorted(right))
        return Grade(picked == right, expected, grading.choice_notes(right, picked))
    if isinstance(spec, OutputCard):
        if answer.text is None:
            raise AnswerFormatError("an output card needs 'text': the printed output")
        return grading.grade_output(spec, answer.text)
    if isinstance(spec, ClozeCard):
        if answer.blanks is None:
            raise AnswerFormatError("a cloze card needs 'blanks': one answer per blank")
        return grading.grade_cloze(spec, list(answer.blanks))
    if isinstance(spec, SqlCard):
        if answer.text is None:
            raise AnswerFormatError("a sql card needs 'text': the rows, cells separated by '|'")
        result = run_query(catalog.root, spec.query, spec.setup)
        return grading.grade_sql(result, spec.order_matters, answer.text)
    raise AnswerFormatError("a recall card is not graded; send only a rating")


def resolve_rating(card: Card, grade: Grade | None, requested: int | None) -> int:
    """The rating to record: self-rated for recall cards; Again for a wrong auto-graded answer;
    for a right one, the candidate's Hard/Good/Easy (Good by default)."""
    if requested is not None and requested not in {int(r) for r in Rating}:
        raise AnswerFormatError("rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
    if grade is None:
        if requested is None:
            raise AnswerFormatError("a recall card needs a rating from 1 to 4")
        return requested
    if not grade.correct:
        return int(Rating.Again)
    return requested if requested is not None else int(Rating.Good)
