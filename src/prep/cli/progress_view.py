"""Render `prep topics` and `prep stats`."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.markup import escape
from rich.table import Table

from prep.cli.context import Context
from prep.cli.output import console, fail
from prep.study.progress import review_stats, topic_progress
from prep.study.session import Scope, ScopeError

BAR_WIDTH = 30


def render_topics(ctx: Context, section_id: str | None) -> None:
    try:
        Scope(section=section_id).validate(ctx.catalog)
    except ScopeError as exc:
        fail(str(exc))
    sections = [s for s in ctx.catalog.sections if section_id in (None, s.id)]
    progress = topic_progress(ctx.catalog, ctx.db, ctx.user_id, datetime.now(UTC))
    table = Table(title="Curriculum", title_justify="left")
    table.add_column("topic")
    table.add_column("id", no_wrap=True)
    table.add_column("lesson", justify="center")
    for numeric in ("cards", "seen", "due", "mastery"):
        table.add_column(numeric, justify="right")
    for section in sections:
        priority = " [bold red](high priority)[/]" if section.priority == "high" else ""
        table.add_section()
        table.add_row(f"[bold]{escape(section.title)}[/]{priority}", section.id, "", "", "", "", "")
        for topic in ctx.catalog.topics_in(section.id):
            p = progress[topic.id]
            mastery = "—" if p.mastery is None else f"{p.mastery:.0%}"
            table.add_row(
                f"  {escape(topic.title)}",
                topic.id,
                "✓" if topic.id in ctx.catalog.lessons else "·",
                str(p.cards),
                str(p.seen),
                str(p.due),
                mastery,
            )
    console.print(table)
    console.print("[dim]mastery: mean predicted recall (FSRS retrievability) of the cards seen.[/]")


def render_stats(ctx: Context) -> None:
    stats = review_stats(ctx.catalog, ctx.db, ctx.user_id, datetime.now(UTC))
    retention = (
        "no mature reviews yet"
        if stats.retention is None
        else (
            f"{stats.retention:.0%} of {stats.retention_reviews} mature reviews in the last 30 days"
        )
    )
    console.print(
        f"[bold]Reviews:[/] {stats.total_reviews} in total · streak {stats.streak_days} day(s)"
    )
    console.print(f"[bold]Retention:[/] {retention}")
    busiest = max((d.reviews for d in stats.per_day), default=0) or 1
    console.print("\n[bold]Reviews per day[/]")
    table = Table()
    table.add_column("day")
    table.add_column("reviews", justify="right")
    table.add_column("remembered", justify="right")
    table.add_column("")
    for day in stats.per_day:
        table.add_row(
            day.day.strftime("%a %d %b"),
            str(day.reviews),
            str(day.correct),
            "█" * round(BAR_WIDTH * day.reviews / busiest),
        )
    console.print(table)
    console.print("\n[bold]Due in the next 7 days[/]")
    forecast = Table()
    forecast.add_column("day")
    forecast.add_column("due", justify="right")
    for due_day, count in stats.forecast:
        forecast.add_row(due_day.strftime("%a %d %b"), str(count))
    console.print(forecast)
