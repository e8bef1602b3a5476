"""Render a study plan: the forecast per section first (the answer to "am I ready?"), then days."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from prep.cli.output import console
from prep.content.catalog import Catalog
from prep.study.plan import StudyPlan


def _pct(value: float) -> str:
    return f"{round(value * 100)}%"


def render_plan(catalog: Catalog, plan: StudyPlan) -> None:
    days = (plan.interview - plan.today).days
    console.print(
        f"[bold]Interview on {plan.interview}[/] ({days} day{'s' if days != 1 else ''} away), "
        f"{plan.minutes_per_day:g} minutes a day."
    )
    forecast = Table(title="Predicted recall at 09:00 on the interview day", title_justify="left")
    for column in ("Section", "Priority", "Cards", "Now", "If you stop today", "With the plan"):
        forecast.add_column(
            column, justify="left" if column in {"Section", "Priority"} else "right"
        )
    for s in plan.forecast:
        forecast.add_row(
            escape(s.title),
            s.priority,
            str(s.cards),
            _pct(s.recall_now),
            _pct(s.recall_if_you_stop),
            _pct(s.recall_with_plan),
        )
    forecast.add_row(
        "[bold]Overall[/] (High Priority counts twice)",
        "",
        "",
        _pct(plan.overall_now),
        _pct(plan.overall_if_you_stop),
        f"[bold]{_pct(plan.overall_with_plan)}[/]",
    )
    console.print(forecast)
    table = Table(title="Day by day", title_justify="left")
    for column in ("Day", "Reviews", "New cards", "Minutes", "Topics started"):
        table.add_column(column, justify="left" if column in {"Day", "Topics started"} else "right")
    for d in plan.days:
        titles = [catalog.topics[t].title for t in d.new_topics]
        shown = ", ".join(titles[:3]) + (f" and {len(titles) - 3} more" if len(titles) > 3 else "")
        table.add_row(
            d.day.strftime("%a %Y-%m-%d"),
            str(d.reviews),
            str(d.new_cards),
            f"{d.minutes:g}",
            escape(shown),
        )
    console.print(table)
    if plan.high_priority_topics_missed:
        missed = ", ".join(plan.high_priority_topics_missed)
        console.print(f"[red]High Priority topics the plan cannot reach in time:[/] {missed}")
    if plan.unseen_left:
        console.print(
            f"[yellow]{plan.unseen_left} cards stay unseen on the day[/]: raise the minutes per "
            "day, or accept that they count 0 in the forecast."
        )
    console.print(
        "[dim]How this is computed: the plan replays FSRS day by day, reviewing every due card "
        f"first (assumed answered Good; {plan.review_seconds:g} s each) and filling the rest "
        f"of the budget with new cards ({plan.new_card_seconds:g} s each, learning steps "
        "included), the first card of each High Priority topic first. Recall is FSRS "
        "retrievability on the day, averaged over every card of a section; unseen cards count 0."
        "[/]"
    )
