"""`prep stories`: the behavioral story bank in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Your behavioral stories (STAR), checked and matched to questions.")


@app.callback(invoke_without_command=True)
def stories(ctx: typer.Context) -> None:
    """List your stories with what the checks found."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.markup import escape

    from prep.cli.context import open_context
    from prep.cli.output import console
    from prep.interview.stories import StoryBank

    with open_context() as context:
        saved = StoryBank(context.catalog, context.db, context.user_id).all()
    if not saved:
        console.print("No stories yet: `prep stories add FILE.yaml` (or the Stories page).")
    for s in saved:
        mark = "[green]✓[/]" if s.check.ok else "[red]✗[/]"
        tags = ", ".join([*s.story.questions, *s.story.competencies])
        console.print(
            f"{mark} [bold]#{s.id} {escape(s.story.title)}[/] "
            f"(about {s.check.spoken_seconds} s; {escape(tags)})",
            highlight=False,
        )
        for problem in s.check.problems:
            console.print(f"    [yellow]{escape(problem)}[/]", highlight=False)


@app.command("add")
def add(
    file: Annotated[
        Path,
        typer.Argument(
            help="YAML with title, situation, task, action, result, questions, competencies."
        ),
    ],
) -> None:
    """Add a story from a YAML file, and say what the checks found."""
    import yaml
    from pydantic import ValidationError

    from prep.cli.context import open_context
    from prep.cli.output import console, fail
    from prep.content.diagnostics import first_problem
    from prep.content.documents import yaml_reason
    from prep.interview.stories import StoryBank, StoryError, StoryInput

    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
        story = StoryInput.model_validate(raw)
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}")
    except yaml.YAMLError as exc:
        fail(f"{file}: not valid YAML: {yaml_reason(exc)}")
    except ValidationError as exc:
        fail(f"{file}: {first_problem(exc)}; nothing was saved")
    with open_context() as ctx:
        try:
            saved = StoryBank(ctx.catalog, ctx.db, ctx.user_id).add(story)
        except StoryError as exc:
            fail(f"{file}: {exc}; nothing was saved")
    console.print(f"Saved story #{saved.id}, about {saved.check.spoken_seconds} s spoken.")
    for problem in saved.check.problems:
        console.print(f"  [yellow]{problem}[/]", highlight=False)


@app.command("practice")
def practice(
    question: Annotated[
        str | None, typer.Option("--question", "-q", help="A behavioral question id.")
    ] = None,
) -> None:
    """A behavioral question (random unless given) and your best-matching story for it."""
    from rich.markup import escape
    from rich.panel import Panel

    from prep.cli.context import open_context
    from prep.cli.output import console, fail
    from prep.interview.stories import StoryBank, StoryError

    with open_context() as ctx:
        bank = StoryBank(ctx.catalog, ctx.db, ctx.user_id)
        try:
            chosen = bank.practice_question(question)
        except StoryError as exc:
            fail(f"{exc}; behavioral questions: {', '.join(bank.behavioral_questions())}")
        asked = next(q for q in ctx.catalog.questions if q.id == chosen)
        best = bank.best_for(chosen)
    console.print(Panel(escape(asked.seed), title="Answer aloud, about two minutes, in STAR order"))
    if best is None:
        console.print(f"No story matches {chosen} yet: add one tagged with it.")
        return
    console.print(f"Your best-matching story: [bold]{escape(best.story.title)}[/]")
    for part in ("situation", "task", "action", "result"):
        text = getattr(best.story, part)
        console.print(f"[bold]{part.capitalize()}:[/] {escape(text)}", highlight=False)
