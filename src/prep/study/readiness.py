"""How ready the candidate is, per section and overall, from FSRS retrievability.

A section's readiness is the predicted recall averaged over all of its cards, counting a card
never studied as 0: studying three cards perfectly must not read as being ready for the
section. Overall readiness weights sections by the seed's priorities (PRIORITY_WEIGHT).
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
    readiness: float  # 0..1, unseen cards count as 0


@dataclass(frozen=True)
class Readiness:
    sections: tuple[SectionReadiness, ...]
    overall: float
    topics: dict[str, TopicProgress]


def readiness(catalog: Catalog, db: Database, user_id: int, now: datetime) -> Readiness:
    progress = topic_progress(catalog, db, user_id, now)
    sections = []
    for section in catalog.sections:
        rows = [progress[t.id] for t in catalog.topics_in(section.id)]
        cards = sum(r.cards for r in rows)
        recall = sum((r.mastery or 0.0) * r.seen for r in rows)
        sections.append(
            SectionReadiness(
                section.id,
                section.title,
                section.priority,
                PRIORITY_WEIGHT[section.priority],
                cards,
                sum(r.seen for r in rows),
                sum(r.due for r in rows),
                recall / cards if cards else 0.0,
            )
        )
    weighted = [s for s in sections if s.cards]
    total_weight = sum(s.weight for s in weighted)
    overall = sum(s.weight * s.readiness for s in weighted) / total_weight if total_weight else 0.0
    return Readiness(tuple(sections), overall, progress)
