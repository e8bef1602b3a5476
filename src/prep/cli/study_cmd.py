"""`prep study`, `prep topics`, `prep stats` and `prep lesson`: thin shells over prep.study."""

from __future__ import annotations

from typing import Annotated

import typer

SectionOption = Annotated[
    str | None, typer.Option("--section", "-s", help="Only this section (id, see `prep topics`).")
]
TopicOption = Annotated[str | None, typer.Option("--topic", "-t", help="Only this topic (id).")]


def register(app: typer.Typer) -> None:
    app.command("study")(study)
    app.command("topics")(topics)
    app.command("stats")(stats)
    app.command("lesson")(lesson)
    app.command("reading")(reading)
    app.command("plan")(plan)
    app.command("drill")(drill)


def study(
    section: SectionOption = None,
    topic: TopicOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Stop after this many cards.")
    ] = None,
) -> None:
    """Review due cards and learn new ones, scheduled by FSRS. Every answer is saved at once."""
    from prep.cli.context import open_context
    from prep.cli.output import fail
    from prep.cli.review_ui import run_session
    from prep.study.session import Scope, ScopeError

    with open_context() as ctx:
        try:
            scope = Scope(section, topic).validate(ctx.catalog)
        except ScopeError as exc:
            fail(str(exc))
        run_session(ctx, scope, limit)


def topics(section: SectionOption = None) -> None:
    """The curriculum: every topic with its priority, cards seen and due, and mastery."""
    from prep.cli.context import open_context
    from prep.cli.progress_view import render_topics

    with open_context() as ctx:
        render_topics(ctx, section)


def stats() -> None:
    """Reviews per day, retention, streak and the cards due over the next 7 days."""
    from prep.cli.context import open_context
    from prep.cli.progress_view import render_stats

    with open_context() as ctx:
        render_stats(ctx)


def lesson(topic: Annotated[str, typer.Argument(help="Topic id, see `prep topics`.")]) -> None:
    """Read the lesson of a topic."""
    from prep.cli.catalog_access import open_catalog
    from prep.cli.lesson_view import render_lesson

    render_lesson(open_catalog(), topic)


def reading(topic: TopicOption = None) -> None:
    """The seed's reading list: each recommended resource and what to read it for."""
    from prep.cli.catalog_access import open_catalog
    from prep.cli.lesson_view import render_reading

    render_reading(open_catalog(), topic)


def plan(
    interview_date: Annotated[
        str | None,
        typer.Option(
            "--interview-date",
            help="YYYY-MM-DD; saved to your settings. Default: the date already set.",
        ),
    ] = None,
    minutes: Annotated[
        float, typer.Option("--minutes", "-m", min=0, max=1440, help="Study minutes per day.")
    ] = 45.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
) -> None:
    """A day-by-day plan to the interview date, and the recall FSRS predicts on that day."""
    import json
    from dataclasses import replace
    from datetime import UTC, date, datetime

    from prep.cli.context import open_context
    from prep.cli.output import fail
    from prep.cli.plan_view import render_plan
    from prep.study.plan import PlanError, make_plan, plan_document
    from prep.study.settings import load_settings, save_settings

    with open_context() as ctx:
        settings = load_settings(ctx.db, ctx.user_id)
        target = settings.interview_date
        if interview_date is not None:
            try:
                target = date.fromisoformat(interview_date)
            except ValueError:
                fail(f"--interview-date must be YYYY-MM-DD, got {interview_date!r}")
        if target is None:
            fail("no interview date: pass --interview-date YYYY-MM-DD")
        try:
            result = make_plan(
                ctx.catalog, ctx.db, ctx.user_id, datetime.now(UTC), target, minutes_per_day=minutes
            )
        except PlanError as exc:
            fail(str(exc))
        if target != settings.interview_date:
            save_settings(ctx.db, ctx.user_id, replace(settings, interview_date=target))
        if as_json:
            typer.echo(json.dumps(plan_document(result), default=str, indent=1))
            return
        render_plan(ctx.catalog, result)


def drill(
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Stop after this many questions.")
    ] = None,
) -> None:
    """The seed's likely interview questions, one at a time, scheduled by what you covered."""
    from prep.cli.context import open_context
    from prep.cli.drill_ui import run_drill

    with open_context() as ctx:
        run_drill(ctx, limit)
