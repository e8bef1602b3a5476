"""The behavioral story bank: the candidate's own STAR stories, checked and matched to questions.

The checks are the ones an interviewer applies without saying so: every STAR part is there and
says something, the result is measurable, and the story fits about two minutes when spoken.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from prep.content.catalog import Catalog
from prep.interview.errors import PracticeError
from prep.store.database import Database
from prep.store.models import Story

Competency = Literal[
    "ownership",
    "conflict",
    "mentoring",
    "delivery",
    "deployment-improvements",
    "debugging",
    "collaboration",
    "learning",
]
COMPETENCIES: tuple[str, ...] = get_args(Competency)
#: The competencies each of the seed's behavioral questions probes.
QUESTION_COMPETENCIES = {
    "q-challenging-bug": ("debugging", "ownership"),
    "q-code-reviews": ("collaboration", "mentoring", "conflict"),
    "q-improved-deployment": ("deployment-improvements", "delivery", "ownership"),
    "q-staying-updated": ("learning",),
}
WORDS_PER_MINUTE = 140  # a calm interview pace
SPOKEN_SECONDS = (90, 150)  # "about two minutes"
THIN_WORDS = 12
PARTS = ("situation", "task", "action", "result")
_NUMBER = re.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|thousand|million|percent|half|halved|twice|double[sd]?|"
    r"tripled?)\b",
    re.IGNORECASE,
)


class StoryError(PracticeError):
    pass


class StoryInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=200)
    situation: str = Field(max_length=5_000)
    task: str = Field(max_length=5_000)
    action: str = Field(max_length=10_000)
    result: str = Field(max_length=5_000)
    questions: list[str] = Field(default_factory=list, max_length=20)
    competencies: list[Competency] = Field(default_factory=list, max_length=len(COMPETENCIES))

    @field_validator("competencies")
    @classmethod
    def _in_canonical_order(cls, values: list[str]) -> list[str]:
        return sorted(set(values), key=COMPETENCIES.index)


@dataclass(frozen=True)
class StoryCheck:
    problems: tuple[str, ...]
    words: int
    spoken_seconds: int

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class SavedStory:
    id: int
    story: StoryInput
    check: StoryCheck
    updated_at: datetime


def check_story(story: StoryInput) -> StoryCheck:
    problems = []
    for part in PARTS:
        words = len(getattr(story, part).split())
        if words == 0:
            problems.append(f"the {part} is missing")
        elif words < THIN_WORDS:
            problems.append(f"the {part} is thin ({words} words): say more")
    if story.result and not _NUMBER.search(story.result):
        problems.append(
            "the result has no number: quantify it (time saved, errors down, deploys per week)"
        )
    if "we" in story.action.lower().split() and " i " not in f" {story.action.lower()} ":
        problems.append("the action says 'we' but never 'I': say what you did yourself")
    words = sum(len(getattr(story, part).split()) for part in PARTS)
    seconds = round(words / WORDS_PER_MINUTE * 60)
    low, high = SPOKEN_SECONDS
    if words and seconds < low:
        problems.append(f"about {seconds} s spoken: too short for two minutes; add detail")
    elif seconds > high:
        problems.append(f"about {seconds} s spoken: over two and a half minutes; cut")
    if not story.questions and not story.competencies:
        problems.append("tag it with a question or a competency so practice can find it")
    return StoryCheck(tuple(problems), words, seconds)


class StoryBank:
    def __init__(self, catalog: Catalog, db: Database, user_id: int) -> None:
        self.catalog = catalog
        self.db = db
        self.user_id = user_id

    def behavioral_questions(self) -> list[str]:
        return [q.id for q in self.catalog.questions if q.kind == "behavioral"]

    def practice_question(self, requested: str | None) -> str:
        """The question to practise: the one asked for, else a random behavioral one."""
        import random

        known = {q.id for q in self.catalog.questions}
        if requested is not None:
            if requested not in known:
                raise StoryError(f"no question {requested!r}", "question_id", "not_found")
            return requested
        choices = self.behavioral_questions()
        if not choices:
            raise StoryError(
                "the curriculum has no behavioral questions", "question_id", "not_found"
            )
        return random.choice(choices)

    def _validated(self, story: StoryInput) -> StoryInput:
        known = {q.id for q in self.catalog.questions}
        unknown = sorted(set(story.questions) - known)
        if unknown:
            raise StoryError(f"unknown question ids {unknown}", "questions")
        return story

    def add(self, story: StoryInput) -> SavedStory:
        story = self._validated(story)
        now = datetime.now(UTC)
        with self.db.session() as session:
            row = Story(user_id=self.user_id, created_at=now, updated_at=now, **_columns(story))
            session.add(row)
            session.flush()
            return _saved(row)

    def update(self, story_id: int, story: StoryInput) -> SavedStory:
        story = self._validated(story)
        with self.db.session() as session:
            row = self._row(session, story_id)
            for name, value in _columns(story).items():
                setattr(row, name, value)
            row.updated_at = datetime.now(UTC)
            return _saved(row)

    def delete(self, story_id: int) -> None:
        with self.db.session() as session:
            session.delete(self._row(session, story_id))

    def get(self, story_id: int) -> SavedStory:
        with self.db.session() as session:
            return _saved(self._row(session, story_id))

    def all(self) -> list[SavedStory]:
        with self.db.session() as session:
            rows = session.scalars(
                select(Story).where(Story.user_id == self.user_id).order_by(Story.id)
            )
            return [_saved(r) for r in rows]

    def best_for(self, question_id: str) -> SavedStory | None:
        """The story tagged to the question, else the one sharing most competencies with it;
        among equals, the one with fewest check problems."""
        wanted = set(QUESTION_COMPETENCIES.get(question_id, ()))

        def score(s: SavedStory) -> tuple[int, int, int]:
            tagged = question_id in s.story.questions
            shared = len(wanted & set(s.story.competencies))
            return (int(tagged), shared, -len(s.check.problems))

        candidates = [s for s in self.all() if score(s)[:2] != (0, 0)]
        return max(candidates, key=score) if candidates else None

    def _row(self, session: Session, story_id: int) -> Story:
        row = session.get(Story, story_id)
        if row is None or row.user_id != self.user_id:  # someone else's is as missing as none
            raise StoryError(f"no story {story_id}", "story_id", "not_found")
        return row


def _columns(story: StoryInput) -> dict[str, str]:
    return {
        "title": story.title,
        "situation": story.situation,
        "task": story.task,
        "action": story.action,
        "result": story.result,
        "questions": json.dumps(story.questions),
        "competencies": json.dumps(story.competencies),
    }


def _saved(row: Story) -> SavedStory:
    story = StoryInput(
        title=row.title,
        situation=row.situation,
        task=row.task,
        action=row.action,
        result=row.result,
        questions=json.loads(row.questions),
        competencies=json.loads(row.competencies),
    )
    return SavedStory(row.id, story, check_story(story), row.updated_at)
