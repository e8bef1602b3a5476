"""Charts drawn on the server as SVG: readable without JavaScript, and nothing to download."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

CELL = 12
GAP = 2
LEVELS = ("#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127")


def heatmap(per_day: Sequence[tuple[date, int]]) -> str:
    """A calendar of reviews per day: one column per week (Monday first), darker = more."""
    if not per_day:
        return ""
    counts = dict(per_day)
    first, last = per_day[0][0], per_day[-1][0]
    start = first - timedelta(days=first.weekday())
    weeks = (last - start).days // 7 + 1
    busiest = max(counts.values()) or 1
    cells = []
    day = start
    while day <= last:
        if day >= first:
            n = counts.get(day, 0)
            level = 0 if n == 0 else 1 + min(3, (n * 4 - 1) // busiest)
            x = (day - start).days // 7 * (CELL + GAP)
            y = day.weekday() * (CELL + GAP)
            label = f"{day.isoformat()}: {n} review{'s' if n != 1 else ''}"
            cells.append(
                f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2" '
                f'fill="{LEVELS[level]}" data-count="{n}"><title>{escape(label)}</title></rect>'
            )
        day += timedelta(days=1)
    width, height = weeks * (CELL + GAP), 7 * (CELL + GAP)
    total = sum(counts.values())
    return (
        f'<svg class="heatmap" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{total} reviews in the last '
        f'{len(per_day)} days">{"".join(cells)}</svg>'
    )


def bar_chart(points: Sequence[tuple[date, int]], *, height: int = 80) -> str:
    """Cards due per day as bars, with the count on hover and the first day labelled."""
    if not points:
        return ""
    bar, gap = 14, 3
    peak = max(n for _, n in points) or 1
    bars = []
    for i, (day, n) in enumerate(points):
        h = 0 if n == 0 else max(2, round(n / peak * (height - 14)))
        x, y = i * (bar + gap), height - h
        label = f"{day.isoformat()}: {n} card{'s' if n != 1 else ''} due"
        bars.append(
            f'<rect x="{x}" y="{y}" width="{bar}" height="{h}" fill="#3b6ea8" data-count="{n}">'
            f"<title>{escape(label)}</title></rect>"
        )
    width = len(points) * (bar + gap)
    return (
        f'<svg class="forecast" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="cards due over the next {len(points)} days">'
        f"{''.join(bars)}</svg>"
    )
