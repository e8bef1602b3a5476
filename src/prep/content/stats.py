"""Coverage of the seed by content: what `prep content stats` reports, per topic and question."""

from __future__ import annotations

from collections import Counter
from typing import Any

from prep.content.catalog import Catalog
from prep.content.models import CARD_KINDS


def coverage(catalog: Catalog) -> dict[str, Any]:
    """Machine-readable coverage; `exercises` counts the problems and labs per topic."""
    topics = []
    for section in catalog.sections:
        for topic in catalog.topics_in(section.id):
            cards = catalog.cards_for(topic.id)
            kinds = Counter(c.kind for c in cards)
            topics.append(
                {
                    "id": topic.id,
                    "section": section.id,
                    "title": topic.title,
                    "seed": topic.seed,
                    "priority": topic.priority,
                    "lessons": int(topic.id in catalog.lessons),
                    "cards": len(cards),
                    "card_types": {kind: kinds[kind] for kind in CARD_KINDS if kinds[kind]},
                    "exercises": len(catalog.problems_for(topic.id))
                    + len(catalog.labs_for(topic.id)),
                }
            )
    questions = [
        {"id": q.id, "seed": q.seed, "section": q.section, "model_answer": q.id in catalog.answers}
        for q in catalog.questions
    ]
    return {"topics": topics, "questions": questions}
