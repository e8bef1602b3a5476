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
    reading = catalog.reading_for(topic_id)
    if reading:
        console.print(
            Markdown(_bullets("Further reading", tuple(f"**{r.title}**: {f}" for r, f in reading)))
        )
    cards = len(catalog.cards_for(topic_id))
    console.print(f"[dim]{cards} card(s): `prep study --topic {topic_id}`[/]")


def _bullets(title: str, items: tuple[str, ...]) -> str:
    return f"## {title}\n\n" + "\n".join(f"- {item}" for item in items)


def render_reading(catalog: Catalog, topic_id: str | None) -> None:
    """The seed's recommended resources, each with what to read it for, topic by topic."""
    if topic_id is not None and topic_id not in catalog.topics:
        fail(f"unknown topic {topic_id!r}; `prep topics` lists the topic ids")
    shown = 0
    for resource in catalog.resources:
        entry = catalog.reading.get(resource.id)
        focuses = [f for f in entry.read_for if topic_id in (None, f.topic)] if entry else []
        if topic_id is not None and not focuses:
            continue
        shown += 1
        lines = [f"## {resource.title} ({resource.kind})", ""]
        if entry is not None:
            lines += [entry.summary, ""]
        for focus in focuses:
            title = catalog.topics[focus.topic].title
            lines.append(f"- **{title}** (`{focus.topic}`): {focus.focus}")
        console.print(Markdown("\n".join(lines)))
    if not shown:
        console.print("No recommended resource covers this topic.")
