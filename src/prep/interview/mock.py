"""Timed mock interviews: concept questions, a judged coding problem, a design exercise and a
behavioral question, chosen from the candidate's weakest topics and weighted by the seed's
priorities, each with its own time box; then a scored report that says what to study next.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import select

from prep.content.catalog import PRIORITY_WEIGHT, Catalog
from prep.interview.design import DesignDraft, check_design
from prep.interview.errors import PracticeError
from prep.judge.history import submission_page
from prep.store.database import Database
from prep.store.models import Mock
from prep.study.progress import topic_progress

PartKind = Literal["concept", "coding", "design", "behavioral"]
#: Minutes per part for each mock length: concept questions (each), coding, design, behavioral.
TIME_BOXES = {45: (4, 15, 12, 4), 60: (4, 20, 18, 5)}
CONCEPT_QUESTIONS = {45: 3, 60: 4}
STAR = ("situation", "task", "action", "result")
WEAK = 0.7  # a part scoring below this costs its topics points


class MockError(PracticeError):
    pass


@dataclass(frozen=True)
class MockPart:
    kind: PartKind
    ref: str  # a question id, problem slug or design prompt id
    title: str
    minutes: int
    topics: tuple[str, ...]


@dataclass(frozen=True)
class PartResult:
    score: float  # 0..1
    detail: str


@dataclass(frozen=True)
class MockState:
    id: int
    minutes: int
    focus: str | None
    parts: tuple[MockPart, ...]
    results: dict[int, PartResult]
    started_at: datetime
    finished_at: datetime | None
    score: float | None

    @property
    def next_part(self) -> int | None:
        return next((i for i in range(len(self.parts)) if i not in self.results), None)


@dataclass(frozen=True)
class MockReport:
    mock: MockState
    by_kind: dict[str, float]
    weak_topics: tuple[str, ...]  # topics of parts below WEAK, weakest first


class MockInterviews:
    def __init__(self, catalog: Catalog, db: Database, user_id: int) -> None:
        self.catalog = catalog
        self.db = db
        self.user_id = user_id

    # --- assembling ------------------------------------------------------------------------

    def start(
        self, minutes: int, focus: str | None, now: datetime, *, seed: int | None = None
    ) -> MockState:
        if minutes not in TIME_BOXES:
            raise MockError("a mock lasts 45 or 60 minutes", "minutes")
        if focus is not None and focus not in {s.id for s in self.catalog.sections}:
            raise MockError(f"unknown section {focus!r}", "focus")
        parts = self.assemble(minutes, focus, now, random.Random(seed))
        with self.db.session() as session:
            row = Mock(
                user_id=self.user_id,
                minutes=minutes,
                focus=focus,
                parts=json.dumps([asdict(p) for p in parts]),
                answers="{}",
                started_at=now,
            )
            session.add(row)
            session.flush()
            return _state(row)

    def assemble(
        self, minutes: int, focus: str | None, now: datetime, rng: random.Random
    ) -> list[MockPart]:
        """Weakest topics first (1 - mastery, unseen = 1), times the section's priority."""
        progress = topic_progress(self.catalog, self.db, self.user_id, now)

        def need(topics: tuple[str, ...]) -> float:
            scores = [
                (1 - (progress[t].mastery or 0.0))
                * PRIORITY_WEIGHT[self.catalog.topics[t].priority]
                for t in topics
                if t in self.catalog.topics
            ]
            # A little noise breaks ties, so two mocks in a row are not identical.
            return (sum(scores) / len(scores) if scores else 0.0) + rng.random() * 0.05

        def in_focus(topics: tuple[str, ...]) -> bool:
            return focus is None or any(
                self.catalog.topics[t].section_id == focus
                for t in topics
                if t in self.catalog.topics
            )

        concept_min, coding_min, design_min, behavioral_min = TIME_BOXES[minutes]
        parts: list[MockPart] = []
        technical = [
            q
            for q in self.catalog.questions
            if q.kind == "technical" and q.id in self.catalog.answers and in_focus(q.topic_ids)
        ]
        technical.sort(key=lambda q: need(q.topic_ids), reverse=True)
        for q in technical[: CONCEPT_QUESTIONS[minutes]]:
            parts.append(MockPart("concept", q.id, q.seed, concept_min, q.topic_ids))
        problems = [p for p in self.catalog.problems.values() if in_focus(p.spec.topics)]
        if problems:
            pick = max(problems, key=lambda p: need(p.spec.topics))
            parts.append(
                MockPart("coding", pick.slug, pick.spec.title, coding_min, pick.spec.topics)
            )
        designs = [d for d in self.catalog.designs.values() if in_focus(d.meta.topics)]
        designs = designs or list(self.catalog.designs.values())
        if designs:
            pick_design = max(designs, key=lambda d: need(d.meta.topics))
            parts.append(
                MockPart(
                    "design",
                    pick_design.id,
                    pick_design.meta.title,
                    design_min,
                    pick_design.meta.topics,
                )
            )
        behavioral = [q for q in self.catalog.questions if q.kind == "behavioral"]
        if behavioral:
            q = rng.choice(behavioral)
            parts.append(MockPart("behavioral", q.id, q.seed, behavioral_min, q.topic_ids))
        if not parts:
            raise MockError("the content has nothing to build a mock from", "focus")
        return parts

    # --- answering -------------------------------------------------------------------------

    def answer(self, mock_id: int, index: int, given: dict[str, Any], now: datetime) -> MockState:
        """Grade one part from what the candidate gave; parts may be answered in any order."""
        with self.db.session() as session:
            row = self._row(session, mock_id)
            state = _state(row)
            if state.finished_at is not None:
                raise MockError("this mock is finished", "mock_id", "conflict")
            if not 0 <= index < len(state.parts):
                raise MockError(f"the mock has parts 0-{len(state.parts) - 1}", "part")
            result = self._grade(state, state.parts[index], given)
            answers = json.loads(row.answers)
            answers[str(index)] = {"given": given, **asdict(result), "at": now.isoformat()}
            row.answers = json.dumps(answers)
            return _state(row)

    def _grade(self, state: MockState, part: MockPart, given: dict[str, Any]) -> PartResult:
        if part.kind == "concept":
            total = len(self.catalog.answers[part.ref].meta.key_points)
            covered = _indices(given.get("covered"), total)
            return PartResult(len(covered) / total, f"covered {len(covered)}/{total} key points")
        if part.kind == "behavioral":
            ticked = _indices(given.get("covered"), len(STAR))
            named = ", ".join(STAR[i] for i in sorted(ticked)) or "none"
            return PartResult(len(ticked) / len(STAR), f"STAR parts given: {named}")
        if part.kind == "design":
            draft = DesignDraft.model_validate(given.get("sections") or {})
            problems = check_design(draft)
            sections = len(DesignDraft.model_fields)
            flagged = {p.split(" is ")[0] for p in problems if " is " in p}
            share = (sections - len(flagged)) / sections
            return PartResult(share, "; ".join(problems) or "every section is there")
        best = self._best_submission(part.ref, state.started_at)
        if best is None:
            return PartResult(0.0, "no submission during the mock")
        return PartResult(
            best.passed / best.total if best.total else 0.0,
            f"{best.verdict.replace('_', ' ')} ({best.passed}/{best.total} cases)",
        )

    def _best_submission(self, slug: str, since: datetime) -> Any:
        rows = submission_page(self.db, self.user_id, problem=slug, before_id=None, limit=50)
        during = [r for r in rows if r.created_at >= since]
        return max(during, key=lambda r: r.passed / r.total if r.total else 0, default=None)

    def finish(self, mock_id: int, now: datetime) -> MockReport:
        with self.db.session() as session:
            row = self._row(session, mock_id)
            state = _state(row)
            if state.finished_at is None:
                total = sum(p.minutes for p in state.parts)
                row.score = (
                    sum(
                        p.minutes * (state.results[i].score if i in state.results else 0.0)
                        for i, p in enumerate(state.parts)
                    )
                    / total
                )
                row.finished_at = now
                state = _state(row)
        return self.report(state)

    def report(self, state: MockState) -> MockReport:
        by_kind: dict[str, list[float]] = {}
        weak: dict[str, float] = {}
        for i, part in enumerate(state.parts):
            score = state.results[i].score if i in state.results else 0.0
            by_kind.setdefault(part.kind, []).append(score)
            if score < WEAK:
                for topic in part.topics:
                    weak[topic] = min(weak.get(topic, 1.0), score)
        return MockReport(
            state,
            {k: sum(v) / len(v) for k, v in by_kind.items()},
            tuple(sorted(weak, key=lambda t: (weak[t], t))),
        )

    def get(self, mock_id: int) -> MockState:
        with self.db.session() as session:
            return _state(self._row(session, mock_id))

    def history(self) -> list[MockState]:
        with self.db.session() as session:
            rows = session.scalars(
                select(Mock).where(Mock.user_id == self.user_id).order_by(Mock.id.desc())
            )
            return [_state(r) for r in rows]

    def _row(self, session: Any, mock_id: int) -> Mock:
        row: Mock | None = session.get(Mock, mock_id)
        if row is None or row.user_id != self.user_id:
            raise MockError(f"no mock {mock_id}", "mock_id", "not_found")
        return row


def _indices(value: Any, total: int) -> set[int]:
    if value is None:
        return set()
    if not isinstance(value, list) or not all(isinstance(v, int) for v in value):
        raise MockError("covered must be a list of indices", "covered")
    if any(not 0 <= v < total for v in value):
        raise MockError(f"indices run 0-{total - 1}", "covered")
    return set(value)


def _state(row: Mock) -> MockState:
    parts = tuple(
        MockPart(p["kind"], p["ref"], p["title"], p["minutes"], tuple(p["topics"]))
        for p in json.loads(row.parts)
    )
    results = {
        int(i): PartResult(a["score"], a["detail"]) for i, a in json.loads(row.answers).items()
    }
    return MockState(
        row.id,
        row.minutes,
        row.focus,
        parts,
        results,
        row.started_at.astimezone(UTC),
        row.finished_at,
        row.score,
    )
