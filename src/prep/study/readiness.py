"""How ready the candidate is, per section and overall, and what each number comes from.

A section's readiness combines what there is evidence of:

- recall: FSRS retrievability averaged over all of its cards, a card never studied counting 0
  (studying three cards perfectly must not read as being ready for the section);
- problems: the share of the section's exercises (coding problems and labs) solved;
- mocks: the mean score of the parts of the last three finished mocks that touched the section.

Weights are RECALL 0.6, PROBLEMS 0.25, MOCKS 0.15, renormalised over the components a section
has (a section without problems is recall and mocks). Overall readiness weights sections by the
seed's priorities (PRIORITY_WEIGHT).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from prep.content.catalog import PRIORITY_WEIGHT, Catalog
from prep.store.database import Database
from prep.study.progress import TopicProgress, topic_progress


@dataclass(frozen=True)
class SectionReadiness:
    section_id: str
    title: str
    priority: str
    weight: int
    cards: int
    seen: int
    due: int
    readiness: float  # 0..1, the weighted combination below
    recall: float = 0.0  # mean retrievability over all cards, unseen = 0
    problems_solved: int = 0
    problems_total: int = 0
    mock_score: float | None = None  # None: no finished mock touched the section
    mock_parts: int = 0

    @property
    def problem_score(self) -> float | None:
        return self.problems_solved / self.problems_total if self.problems_total else None


@dataclass(frozen=True)
class Readiness:
    sections: tuple[SectionReadiness, ...]
    overall: float
    topics: dict[str, TopicProgress]


WEIGHTS = {"recall": 0.6, "problems": 0.25, "mocks": 0.15}
RECENT_MOCKS = 3


def readiness(catalog: Catalog, db: Database, user_id: int, now: datetime) -> Readiness:
    from prep.interview.mock import MockInterviews
    from prep.judge.history import SOLVED, problem_statuses

    progress = topic_progress(catalog, db, user_id, now)
    statuses = problem_statuses(db, user_id)
    mock_scores: dict[str, list[float]] = {}
    finished = [m for m in MockInterviews(catalog, db, user_id).history() if m.score is not None]
    for mock in finished[:RECENT_MOCKS]:
        for index, part in enumerate(mock.parts):
            sections_hit = {
                catalog.topics[t].section_id for t in part.topics if t in catalog.topics
            }
            result = mock.results.get(index)
            for section_id in sections_hit:
                mock_scores.setdefault(section_id, []).append(result.score if result else 0.0)
    sections = []
    for section in catalog.sections:
        rows = [progress[t.id] for t in catalog.topics_in(section.id)]
        cards = sum(r.cards for r in rows)
        recall = sum((r.mastery or 0.0) * r.seen for r in rows) / cards if cards else 0.0
        topic_ids = set(section.topic_ids)
        problems = [p.slug for p in catalog.problems.values() if topic_ids & set(p.spec.topics)]
        problems += [lab.slug for lab in catalog.labs.values() if topic_ids & set(lab.spec.topics)]
        solved = sum(statuses.get(slug) == SOLVED for slug in problems)
        parts = mock_scores.get(section.id, [])
        mock_mean = sum(parts) / len(parts) if parts else None
        components = {"recall": recall} if cards else {}
        if problems:
            components["problems"] = solved / len(problems)
        if mock_mean is not None:
            components["mocks"] = mock_mean
        weight = sum(WEIGHTS[k] for k in components)
        combined = sum(WEIGHTS[k] * v for k, v in components.items()) / weight if weight else 0.0
        sections.append(
            SectionReadiness(
                section.id,
                section.title,
                section.priority,
                PRIORITY_WEIGHT[section.priority],
                cards,
                sum(r.seen for r in rows),
                sum(r.due for r in rows),
                combined,
                recall,
                solved,
                len(problems),
                mock_mean,
                len(parts),
            )
        )
    weighted = [s for s in sections if s.cards]
    total_weight = sum(s.weight for s in weighted)
    overall = sum(s.weight * s.readiness for s in weighted) / total_weight if total_weight else 0.0
    return Readiness(tuple(sections), overall, progress)
