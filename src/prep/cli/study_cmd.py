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
