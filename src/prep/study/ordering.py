"""The order new cards are introduced in: curriculum order, weighted by the seed's priorities.

Within a section, cards come topic by topic in curriculum order. Across sections, stride
scheduling interleaves them so a high-priority section (weight 2) introduces two cards for each
card of a normal one, and no section starves.
"""

from __future__ import annotations

import heapq
from collections import deque

from prep.content.catalog import PRIORITY_WEIGHT, Card, Catalog


def new_card_order(catalog: Catalog) -> list[Card]:
    queues = {
        s.id: deque(c for t in s.topic_ids for c in catalog.cards_for(t)) for s in catalog.sections
    }
    strides = {s.id: 1.0 / PRIORITY_WEIGHT[s.priority] for s in catalog.sections}
    # (pass value, section position) -> ties go to the section that comes first in the seed.
    heap = [(strides[s.id], i, s.id) for i, s in enumerate(catalog.sections) if queues[s.id]]
    heapq.heapify(heap)
    order = []
    while heap:
        passed, position, section_id = heapq.heappop(heap)
        order.append(queues[section_id].popleft())
        if queues[section_id]:
            heapq.heappush(heap, (passed + strides[section_id], position, section_id))
    return order
