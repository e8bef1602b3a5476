"""Render a lesson in the terminal."""

from __future__ import annotations

from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from prep.cli.output import console, fail
from prep.content.catalog import Catalog


def render_lesson(catalog: Catalog, topic_id: str) -> None:
    topic = catalog.topics.get(topic_id)
    if topic is None:
        fail(f"unknown topic {topic_id!r}; `prep topics` lists the topic ids")
    lesson = catalog.lessons.get(topic_id)
    if lesson is None:
        fail(f"topic {topic_id} ({topic.title}) has no lesson yet")
    meta = lesson.meta
    console.print(
        Panel(Text(meta.summary), title=f"{escape(topic.title)} · priority {topic.priority}")
    )
    console.print(Markdown(_bullets("Key points", meta.key_points)))
    console.print(Markdown(lesson.body))
    console.print(Markdown(_bullets("Pitfalls", meta.pitfalls)))
    if meta.interviewer_probes:
        console.print(Markdown(_bullets("What interviewers probe", meta.interviewer_probes)))
    cards = len(catalog.cards_for(topic_id))
    console.print(f"[dim]{cards} card(s): `prep study --topic {topic_id}`[/]")


def _bullets(title: str, items: tuple[str, ...]) -> str:
    return f"## {title}\n\n" + "\n".join(f"- {item}" for item in items)
