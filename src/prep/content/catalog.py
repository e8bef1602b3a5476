"""The read-only Catalog every service reads content from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from prep.content.documents import Example
from prep.content.lab_models import LabSpec
from prep.content.models import (
    CardSpec,
    DesignPromptMeta,
    LessonMeta,
    ModelAnswerMeta,
    Priority,
    ReadingEntry,
)
from prep.content.problem_models import CaseSpec, ProblemSpec

#: How strongly each priority pulls new material forward (see study.ordering).
PRIORITY_WEIGHT: Mapping[str, int] = MappingProxyType({"high": 2, "normal": 1})


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    seed: str
    section_id: str
    group: str | None
    priority: Priority
    order: int


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    seed: str
    priority: Priority
    topic_ids: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    id: str
    seed: str
    group: str
    section: str
    kind: str
    topic_ids: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    id: str
    title: str
    kind: str
    seed: str
    topic_ids: tuple[str, ...]


@dataclass(frozen=True)
class Lesson:
    topic_id: str
    path: Path
    meta: LessonMeta
    body: str
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class Card:
    """A card with its catalog identity. `id` is `<topic>/<local id>` and never changes."""

    id: str
    topic_id: str
    path: Path
    spec: CardSpec

    @property
    def kind(self) -> str:
        return self.spec.kind


@dataclass(frozen=True)
class ModelAnswer:
    question_id: str
    path: Path
    meta: ModelAnswerMeta
    body: str
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class DesignPrompt:
    id: str
    path: Path
    meta: DesignPromptMeta
    body: str
    examples: tuple[Example, ...] = ()

    @property
    def total_points(self) -> int:
        return sum(item.points for item in self.meta.rubric)


@dataclass(frozen=True)
class Problem:
    """A coding problem: its files, read once. Solutions are source text, run only by the judge."""

    slug: str
    path: Path
    spec: ProblemSpec
    statement: str
    cases: tuple[CaseSpec, ...]
    starter: str
    reference: str
    generator: str | None
    checker: str | None
    bad: Mapping[str, str]  # file name -> source

    @property
    def samples(self) -> tuple[CaseSpec, ...]:
        return tuple(c for c in self.cases if c.sample)


@dataclass(frozen=True)
class Lab:
    """A hands-on lab: its spec and every file of its folder, read once.

    `files` maps a folder-relative path (`checks.py`, `mutants/off_by_one.py`, ...) to its text;
    `starter` is what the candidate's workspace starts with; `reference` and `bad` are solutions
    (the answer file's text, or for git labs a shell script), run only by the judge.
    """

    slug: str
    path: Path
    spec: LabSpec
    task: str
    starter: Mapping[str, str]
    reference: str
    bad: Mapping[str, str]
    files: Mapping[str, str]

    @property
    def kind(self) -> str:
        return self.spec.kind


@dataclass(frozen=True)
class Catalog:
    root: Path
    sections: tuple[Section, ...]
    topics: Mapping[str, Topic]
    questions: tuple[Question, ...]
    resources: tuple[Resource, ...]
    lessons: Mapping[str, Lesson]
    cards: Mapping[str, Card]
    answers: Mapping[str, ModelAnswer]
    problems: Mapping[str, Problem] = field(default_factory=lambda: MappingProxyType({}))
    reading: Mapping[str, ReadingEntry] = field(default_factory=lambda: MappingProxyType({}))
    designs: Mapping[str, DesignPrompt] = field(default_factory=lambda: MappingProxyType({}))
    labs: Mapping[str, Lab] = field(default_factory=lambda: MappingProxyType({}))
    _cards_by_topic: Mapping[str, tuple[Card, ...]] = field(repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        by_topic: dict[str, list[Card]] = {t: [] for t in self.topics}
        for card in self.cards.values():
            by_topic[card.topic_id].append(card)
        frozen = MappingProxyType({t: tuple(cs) for t, cs in by_topic.items()})
        object.__setattr__(self, "_cards_by_topic", frozen)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def topics_in(self, section_id: str) -> list[Topic]:
        return [self.topics[t] for t in self.section(section_id).topic_ids]

    def cards_for(self, topic_id: str) -> tuple[Card, ...]:
        return self._cards_by_topic.get(topic_id, ())

    def problems_for(self, topic_id: str) -> list[Problem]:
        return [p for p in self.problems.values() if topic_id in p.spec.topics]

    def labs_for(self, topic_id: str) -> list[Lab]:
        return [lab for lab in self.labs.values() if topic_id in lab.spec.topics]

    def reading_for(self, topic_id: str) -> list[tuple[Resource, str]]:
        """The recommended resources that serve a topic, each with what to read it for."""
        return [
            (resource, focus.focus)
            for resource in self.resources
            if (entry := self.reading.get(resource.id)) is not None
            for focus in entry.read_for
            if focus.topic == topic_id
        ]

    def card_order(self) -> list[Card]:
        """All cards in curriculum order: by topic order, then as written in the file."""
        return [
            c
            for t in sorted(self.topics.values(), key=lambda t: t.order)
            for c in self.cards_for(t.id)
        ]
