"""Schemas of the content files. Unknown fields are errors, so a typo never silently drops data."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Priority = Literal["high", "normal"]
Difficulty = Literal["easy", "medium", "hard"]

#: Anki's cloze syntax, so an Anki export maps one to one: {{c1::answer}} or {{c1::answer::hint}}.
CLOZE_PATTERN = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- curriculum.yaml -----------------------------------------------------------------------------


class TopicSpec(Strict):
    id: Slug
    title: Text
    seed: Text


class GroupSpec(Strict):
    title: Text | None = None
    topics: tuple[TopicSpec, ...] = Field(min_length=1)


class SectionSpec(Strict):
    id: Slug
    title: Text
    seed: Text
    priority: Priority
    groups: tuple[GroupSpec, ...] = Field(min_length=1)


class QuestionSpec(Strict):
    id: Slug
    seed: Text
    group: Text
    section: Slug
    kind: Literal["technical", "behavioral"]
    topics: tuple[Slug, ...] = Field(min_length=1)


class ResourceSpec(Strict):
    id: Slug
    title: Text
    kind: Literal["book", "practice", "docs"]
    seed: Text
    topics: tuple[Slug, ...] = Field(min_length=1)


class CurriculumSpec(Strict):
    seed_file: str
    sections: tuple[SectionSpec, ...] = Field(min_length=1)
    questions: tuple[QuestionSpec, ...] = ()
    resources: tuple[ResourceSpec, ...] = ()


# --- cards/<section>/<topic>.yaml --------------------------------------------------------------


class _CardBase(Strict):
    id: Slug
    prompt: Text
    code: str | None = None
    explanation: str | None = None
    difficulty: Difficulty = "medium"


class RecallCard(_CardBase):
    """Prompt and answer; the candidate rates their own recall."""

    kind: Literal["recall"]
    answer: Text


class ChoiceOption(Strict):
    text: Text
    correct: bool = False


class ChoiceCard(_CardBase):
    """Single or multiple correct options; graded automatically."""

    kind: Literal["choice"]
    options: tuple[ChoiceOption, ...] = Field(min_length=2, max_length=8)
    shuffle: bool = True

    @field_validator("options")
    @classmethod
    def _options_are_sound(cls, options: tuple[ChoiceOption, ...]) -> tuple[ChoiceOption, ...]:
        if not any(o.correct for o in options):
            raise ValueError("no option is marked correct: true")
        texts = [o.text.strip() for o in options]
        if len(set(texts)) != len(texts):
            raise ValueError("two options have the same text")
        return options

    @property
    def multiple(self) -> bool:
        return sum(o.correct for o in self.options) > 1


class OutputCard(_CardBase):
    """ "What does this print?": the stored output is proven by running `code` in the check."""

    kind: Literal["output"]
    prompt: Text = "What does this code print?"
    code: Text
    output: str

    @field_validator("output")
    @classmethod
    def _output_not_blank(cls, output: str) -> str:
        if not output.strip():
            raise ValueError("expected output is empty; an output card must print something")
        return output


class ClozeCard(_CardBase):
    """Fill the blanks ({{c1::answer}}) in text or code; graded tolerant of whitespace."""

    kind: Literal["cloze"]
    prompt: Text = "Fill in the blanks."
    text: Text
    lang: str | None = None
    accept: dict[str, tuple[Text, ...]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _blanks_are_sound(self) -> ClozeCard:
        numbers = {m.group(1) for m in CLOZE_PATTERN.finditer(self.text)}
        if not numbers:
            raise ValueError("text has no blank; mark one as {{c1::answer}}")
        unknown = sorted(set(self.accept) - {f"c{n}" for n in numbers})
        if unknown:
            raise ValueError(f"accept names blanks that are not in the text: {', '.join(unknown)}")
        return self


class SqlCard(_CardBase):
    """ "Which rows does this query return?" against the sample database (content/sql). The
    answer is computed by running the query, never stored, so it cannot be wrong."""

    kind: Literal["sql"]
    prompt: Text = "Which rows does this query return?"
    query: Text
    setup: str | None = None  # statements run first (CREATE INDEX, INSERT...) on a fresh copy
    ordered: bool | None = None  # default: ordered only when the query has ORDER BY

    @property
    def order_matters(self) -> bool:
        if self.ordered is not None:
            return self.ordered
        return re.search(r"\border\s+by\b", self.query, re.IGNORECASE) is not None


CardSpec = Annotated[
    RecallCard | ChoiceCard | OutputCard | ClozeCard | SqlCard, Field(discriminator="kind")
]
CARD_KINDS: tuple[str, ...] = ("recall", "choice", "output", "cloze", "sql")


class CardFileSpec(Strict):
    topic: Slug
    cards: tuple[CardSpec, ...] = Field(min_length=1)


# --- lessons/<section>/<topic>.md front matter ------------------------------------------------


class LessonMeta(Strict):
    topic: Slug
    summary: Text
    key_points: tuple[Text, ...] = Field(min_length=1)
    pitfalls: tuple[Text, ...] = Field(min_length=1)
    interviewer_probes: tuple[Text, ...] = ()


# --- design/<id>.md: system-design practice prompts -------------------------------------------

DESIGN_MODEL = r"^(inline|lesson:[a-z0-9][a-z0-9-]*|answer:[a-z0-9][a-z0-9-]*)$"


class RubricItem(Strict):
    criterion: Text
    points: int = Field(ge=1, le=10)
    look_for: Text


class DesignPromptMeta(Strict):
    """A design exercise: what the interviewer asks, where the model design is, how to score."""

    id: Slug
    title: Text
    prompt: Text
    topics: tuple[Slug, ...] = Field(min_length=1)
    model: str = Field(pattern=DESIGN_MODEL)
    rubric: tuple[RubricItem, ...] = Field(min_length=4, max_length=12)


# --- reading.yaml: the seed's recommended resources, linked to topics ------------------------


class ReadingFocus(Strict):
    topic: Slug
    focus: Text


class ReadingEntry(Strict):
    """What one recommended resource is for, topic by topic, in our words."""

    id: Slug
    summary: Text
    read_for: tuple[ReadingFocus, ...] = Field(min_length=1)


class ReadingFileSpec(Strict):
    resources: tuple[ReadingEntry, ...] = Field(min_length=1)


# --- interview/answers/<question>.md front matter ---------------------------------------------


class ModelAnswerMeta(Strict):
    question: Slug
    short_answer: Text
    key_points: tuple[Text, ...] = Field(min_length=1)
    follow_ups: tuple[Text, ...] = ()
    weak_answers: tuple[Text, ...] = ()
