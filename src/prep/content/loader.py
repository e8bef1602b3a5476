"""Load and validate the content tree into one Catalog, collecting every problem on the way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from prep.content.catalog import (
    Card,
    Catalog,
    DesignPrompt,
    Lesson,
    ModelAnswer,
    Question,
    Resource,
    Section,
    Topic,
)
from prep.content.diagnostics import ContentError, Diagnostic, from_validation_error, relative
from prep.content.documents import (
    FrontMatterError,
    extract_examples,
    split_front_matter,
    yaml_reason,
)
from prep.content.lab_loader import load_labs
from prep.content.models import (
    CardSpec,
    CurriculumSpec,
    DesignPromptMeta,
    LessonMeta,
    ModelAnswerMeta,
    ReadingEntry,
    ReadingFileSpec,
    Slug,
)
from prep.content.problem_loader import load_problems
from prep.content.yaml_files import load_yaml

CURRICULUM_FILE = "curriculum.yaml"
READING_FILE = "reading.yaml"
BEHAVIORAL = "behavioral"  # likely questions that belong to no curriculum section

_T = TypeVar("_T")
_Meta = TypeVar("_Meta", LessonMeta, ModelAnswerMeta, DesignPromptMeta)

_card_adapter: TypeAdapter[CardSpec] = TypeAdapter(CardSpec)
_slug_adapter: TypeAdapter[str] = TypeAdapter(Slug)


@dataclass(frozen=True)
class LoadResult:
    catalog: Catalog | None
    diagnostics: tuple[Diagnostic, ...]

    def require(self) -> Catalog:
        """The catalog, or ContentError listing everything wrong with the content."""
        if self.catalog is None or self.diagnostics:
            raise ContentError(self.diagnostics)
        return self.catalog


def load_catalog(root: Path) -> LoadResult:
    return _Loader(root).load()


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.diagnostics: list[Diagnostic] = []

    def report(self, path: Path | str, item: str | None, field: str | None, message: str) -> None:
        where = relative(path, self.root) if isinstance(path, Path) else path
        self.diagnostics.append(Diagnostic(where, item, field, message))

    def load(self) -> LoadResult:
        curriculum = self._curriculum()
        if curriculum is None:
            return LoadResult(None, tuple(self.diagnostics))
        sections, topics, questions, resources = curriculum
        lessons = self._lessons(topics)
        answers = self._answers({q.id for q in questions})
        catalog = Catalog(
            root=self.root,
            sections=sections,
            topics=MappingProxyType(topics),
            questions=questions,
            resources=resources,
            lessons=MappingProxyType(lessons),
            cards=MappingProxyType(self._cards(topics)),
            answers=MappingProxyType(answers),
            problems=MappingProxyType(load_problems(self.root, topics, self.diagnostics.append)),
            reading=MappingProxyType(self._reading(topics, resources)),
            designs=MappingProxyType(self._designs(topics, set(lessons), set(answers))),
            labs=MappingProxyType(load_labs(self.root, topics, self.diagnostics.append)),
        )
        for slug in sorted(set(catalog.labs) & set(catalog.problems)):
            self.report(
                catalog.labs[slug].path, None, None, f"{slug!r} is both a problem and a lab slug"
            )
        return LoadResult(catalog, tuple(sorted(self.diagnostics)))

    # --- curriculum ------------------------------------------------------------------------

    def _curriculum(
        self,
    ) -> (
        tuple[tuple[Section, ...], dict[str, Topic], tuple[Question, ...], tuple[Resource, ...]]
        | None
    ):
        path = self.root / CURRICULUM_FILE
        if not path.is_file():
            self.report(path, None, None, "file not found; is this a prep content directory?")
            return None
        data = self._read_yaml(path)
        if data is None:
            return None
        try:
            spec = CurriculumSpec.model_validate(data)
        except ValidationError as exc:
            self.diagnostics.extend(from_validation_error(exc, path=relative(path, self.root)))
            return None
        if not (self.root / spec.seed_file).is_file():
            self.report(path, None, "seed_file", f"{spec.seed_file} does not exist")

        topics: dict[str, Topic] = {}
        sections = []
        section_ids: set[str] = set()
        for section in spec.sections:
            if section.id in section_ids:
                self.report(path, f"section {section.id}", "id", "duplicate section id")
            section_ids.add(section.id)
            ids = []
            for group in section.groups:
                for topic in group.topics:
                    if topic.id in topics:
                        self.report(path, f"topic {topic.id}", "id", "duplicate topic id")
                        continue
                    topics[topic.id] = Topic(
                        topic.id,
                        topic.title,
                        topic.seed,
                        section.id,
                        group.title,
                        section.priority,
                        len(topics),
                    )
                    ids.append(topic.id)
            sections.append(
                Section(section.id, section.title, section.seed, section.priority, tuple(ids))
            )

        questions = []
        for q in _unique(
            spec.questions,
            lambda q: q.id,
            lambda q: self.report(path, f"question {q.id}", "id", "duplicate question id"),
        ):
            if q.section not in section_ids | {BEHAVIORAL}:
                self.report(path, f"question {q.id}", "section", f"unknown section {q.section!r}")
            self._known_topics(path, f"question {q.id}", q.topics, topics)
            questions.append(Question(q.id, q.seed, q.group, q.section, q.kind, q.topics))
        resources = []
        for r in _unique(
            spec.resources,
            lambda r: r.id,
            lambda r: self.report(path, f"resource {r.id}", "id", "duplicate resource id"),
        ):
            self._known_topics(path, f"resource {r.id}", r.topics, topics)
            resources.append(Resource(r.id, r.title, r.kind, r.seed, r.topics))
        return tuple(sections), topics, tuple(questions), tuple(resources)

    def _known_topics(
        self, path: Path, item: str, ids: tuple[str, ...], topics: dict[str, Topic]
    ) -> None:
        for i, topic_id in enumerate(ids):
            if topic_id not in topics:
                self.report(path, item, f"topics[{i}]", f"unknown topic id {topic_id!r}")

    # --- lessons ---------------------------------------------------------------------------

    def _lessons(self, topics: dict[str, Topic]) -> dict[str, Lesson]:
        lessons: dict[str, Lesson] = {}
        for path in self._files("lessons", "*.md"):
            parsed = self._front_matter(path, LessonMeta)
            if parsed is None:
                continue
            meta, body, offset = parsed
            if not self._placed(path, meta.topic, topics):
                continue
            if meta.topic in lessons:
                self.report(path, None, "topic", f"topic {meta.topic} already has a lesson")
                continue
            examples = tuple(extract_examples(body, line_offset=offset))
            if not any(e.runs and e.expected_output is not None for e in examples):
                self.report(
                    path,
                    None,
                    None,
                    "no runnable example with its output: "
                    "add a ```python block followed by an ```output block",
                )
            lessons[meta.topic] = Lesson(meta.topic, path, meta, body, examples)
        return lessons

    # --- cards -----------------------------------------------------------------------------

    def _cards(self, topics: dict[str, Topic]) -> dict[str, Card]:
        cards: dict[str, Card] = {}
        for path in self._files("cards", "*.yaml"):
            data = self._read_yaml(path)
            if data is None:
                continue
            if not isinstance(data, dict):
                self.report(
                    path, None, None, "a card file must be a mapping with `topic` and `cards`"
                )
                continue
            unknown = sorted(set(data) - {"topic", "cards"})
            for key in unknown:
                self.report(
                    path, None, str(key), "unknown field (a card file has only `topic` and `cards`)"
                )
            topic_id = data.get("topic")
            if not isinstance(topic_id, str):
                self.report(
                    path, None, "topic", "required: the id of the topic these cards belong to"
                )
                continue
            if not self._placed(path, topic_id, topics):
                continue
            raw_cards = data.get("cards")
            if not isinstance(raw_cards, list) or not raw_cards:
                self.report(path, None, "cards", "must be a non-empty list of cards")
                continue
            for index, raw in enumerate(raw_cards):
                self._card(path, topic_id, index, raw, cards)
        return cards

    def _card(
        self, path: Path, topic_id: str, index: int, raw: Any, cards: dict[str, Card]
    ) -> None:
        label = (
            f"card {raw['id']}"
            if isinstance(raw, dict) and isinstance(raw.get("id"), str)
            else f"cards[{index}]"
        )
        try:
            spec = _card_adapter.validate_python(raw)
        except ValidationError as exc:
            self.diagnostics.extend(
                from_validation_error(exc, path=relative(path, self.root), item=label)
            )
            return
        card_id = f"{topic_id}/{spec.id}"
        if card_id in cards:
            self.report(path, label, "id", "duplicate card id in this topic")
            return
        cards[card_id] = Card(card_id, topic_id, path, spec)

    # --- model answers -----------------------------------------------------------------------

    def _answers(self, question_ids: set[str]) -> dict[str, ModelAnswer]:
        answers: dict[str, ModelAnswer] = {}
        for path in self._files("interview/answers", "*.md"):
            parsed = self._front_matter(path, ModelAnswerMeta)
            if parsed is None:
                continue
            meta, body, offset = parsed
            if meta.question not in question_ids:
                self.report(path, None, "question", f"unknown question id {meta.question!r}")
            elif path.stem != meta.question:
                self.report(path, None, "question", f"file must be named {meta.question}.md")
            else:
                examples = tuple(extract_examples(body, line_offset=offset))
                answers[meta.question] = ModelAnswer(meta.question, path, meta, body, examples)
        return answers

    # --- design practice ---------------------------------------------------------------------

    def _designs(
        self, topics: dict[str, Topic], lessons: set[str], answers: set[str]
    ) -> dict[str, DesignPrompt]:
        designs: dict[str, DesignPrompt] = {}
        for path in self._files("design", "*.md"):
            parsed = self._front_matter(path, DesignPromptMeta)
            if parsed is None:
                continue
            meta, body, offset = parsed
            if path.stem != meta.id:
                self.report(path, None, "id", f"file must be named {meta.id}.md")
                continue
            for topic in meta.topics:
                if topic not in topics:
                    self.report(path, None, "topics", f"unknown topic id {topic!r}")
            kind, _, target = meta.model.partition(":")
            if kind == "lesson" and target not in lessons:
                self.report(path, None, "model", f"no lesson for topic {target!r}")
            elif kind == "answer" and target not in answers:
                self.report(path, None, "model", f"no model answer for question {target!r}")
            examples = tuple(extract_examples(body, line_offset=offset))
            designs[meta.id] = DesignPrompt(meta.id, path, meta, body, examples)
        return designs

    # --- reading list ------------------------------------------------------------------------

    def _reading(
        self, topics: dict[str, Topic], resources: tuple[Resource, ...]
    ) -> dict[str, ReadingEntry]:
        """Optional; when present it must cover every resource and every topic each one serves."""
        path = self.root / READING_FILE
        if not path.is_file():
            return {}
        data = self._read_yaml(path)
        if data is None:
            return {}
        try:
            spec = ReadingFileSpec.model_validate(data)
        except ValidationError as exc:
            self.diagnostics.extend(from_validation_error(exc, path=relative(path, self.root)))
            return {}
        known = {r.id: r for r in resources}
        entries: dict[str, ReadingEntry] = {}
        for index, entry in enumerate(spec.resources):
            label = f"resources[{index}]"
            if entry.id not in known:
                self.report(path, label, "id", f"unknown resource id {entry.id!r}")
                continue
            if entry.id in entries:
                self.report(path, label, "id", f"resource {entry.id} is listed twice")
                continue
            covered = {f.topic for f in entry.read_for}
            for focus in entry.read_for:
                if focus.topic not in topics:
                    self.report(path, label, "read_for", f"unknown topic id {focus.topic!r}")
            missing = [t for t in known[entry.id].topic_ids if t not in covered]
            if missing:
                self.report(
                    path, label, "read_for", f"says nothing about topics: {', '.join(missing)}"
                )
            entries[entry.id] = entry
        for resource_id in known.keys() - entries.keys():
            self.report(path, None, "resources", f"resource {resource_id} has no entry")
        return entries

    # --- shared ------------------------------------------------------------------------------

    def _files(self, folder: str, pattern: str) -> Iterator[Path]:
        base = self.root / folder
        return iter(sorted(base.rglob(pattern))) if base.is_dir() else iter(())

    def _read_yaml(self, path: Path) -> Any | None:
        try:
            return load_yaml(path)
        except yaml.YAMLError as exc:
            self.report(path, None, None, f"not valid YAML: {yaml_reason(exc)}")
        except (OSError, UnicodeDecodeError) as exc:
            self.report(path, None, None, f"cannot be read: {exc}")
        return None

    def _front_matter(self, path: Path, model: type[_Meta]) -> tuple[_Meta, str, int] | None:
        try:
            raw, body, offset = split_front_matter(path.read_text(encoding="utf-8"))
            return model.model_validate(raw), body, offset
        except FrontMatterError as exc:
            self.report(path, None, None, str(exc))
        except ValidationError as exc:
            self.diagnostics.extend(from_validation_error(exc, path=relative(path, self.root)))
        except (OSError, UnicodeDecodeError) as exc:
            self.report(path, None, None, f"cannot be read: {exc}")
        return None

    def _placed(self, path: Path, topic_id: str, topics: dict[str, Topic]) -> bool:
        """Content lives at <kind>/<section>/<topic>.<ext>, so authors find it where they expect."""
        topic = topics.get(topic_id)
        if topic is None:
            self.report(path, None, "topic", f"unknown topic id {topic_id!r}")
            return False
        if path.stem != topic_id or path.parent.name != topic.section_id:
            expected = f"{path.parent.parent.name}/{topic.section_id}/{topic_id}{path.suffix}"
            self.report(path, None, "topic", f"file for topic {topic_id} must be at {expected}")
            return False
        return True


def _unique(
    items: tuple[_T, ...], key: Callable[[_T], str], on_duplicate: Callable[[_T], None]
) -> Iterator[_T]:
    seen: set[str] = set()
    for item in items:
        k = key(item)
        if k in seen:
            on_duplicate(item)
            continue
        seen.add(k)
        yield item
