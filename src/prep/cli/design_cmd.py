"""`prep design ...` and `prep capacity`: system-design practice in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from prep.content.catalog import DesignPrompt

app = typer.Typer(help="System-design practice: template, checks, model design and rubric.")
PromptArg = Annotated[str, typer.Argument(help="Prompt id, see `prep design`.")]


def _workspace_file(prompt_id: str) -> Path:
    from prep.paths import data_dir

    return data_dir() / "designs" / f"{prompt_id}.md"


@app.callback(invoke_without_command=True)
def design(ctx: typer.Context) -> None:
    """List the design prompts with your latest check and self-score."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.markup import escape
    from rich.table import Table

    from prep.cli.context import open_context
    from prep.cli.output import console
    from prep.interview.design import DesignPractice

    with open_context() as context:
        statuses = DesignPractice(context.catalog, context.db, context.user_id).statuses()
        table = Table("Prompt", "Title", "Status", "Score")
        for prompt in context.catalog.designs.values():
            saved = statuses.get(prompt.id)
            status = (
                "new"
                if saved is None
                else ("complete" if not saved.problems else f"{len(saved.problems)} gap(s)")
            )
            score = (
                ""
                if saved is None or saved.score is None
                else (f"{saved.score}/{prompt.total_points}")
            )
            table.add_row(prompt.id, escape(prompt.meta.title), status, score)
    console.print(table)
    console.print("[dim]`prep design start ID` writes a template to fill in.[/]")


def _prompt_or_fail(prompt_id: str) -> DesignPrompt:
    from prep.cli.catalog_access import open_catalog
    from prep.cli.output import fail

    catalog = open_catalog()
    prompt = catalog.designs.get(prompt_id)
    if prompt is None:
        fail(f"unknown design prompt {prompt_id!r}; `prep design` lists them")
    return prompt


@app.command("start")
def start(prompt_id: PromptArg) -> None:
    """Show the prompt and write the template to fill in (an existing file is kept)."""
    from rich.markup import escape
    from rich.panel import Panel

    from prep.cli.output import console
    from prep.interview.design import template

    prompt = _prompt_or_fail(prompt_id)
    console.print(Panel(escape(prompt.meta.prompt), title=escape(prompt.meta.title)))
    path = _workspace_file(prompt_id)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template(prompt), encoding="utf-8")
    console.print(f"Write your design in [bold]{path}[/], then `prep design check {prompt_id}`.")


@app.command("check")
def check(
    prompt_id: PromptArg,
    file: Annotated[Path | None, typer.Argument(help="Default: your workspace file.")] = None,
) -> None:
    """Save your design as a new revision and say which sections are missing or thin."""
    from pydantic import ValidationError

    from prep.cli.context import open_context
    from prep.cli.output import console, fail
    from prep.content.diagnostics import first_problem
    from prep.interview.design import DesignPractice, parse_markdown

    _prompt_or_fail(prompt_id)
    source = file or _workspace_file(prompt_id)
    try:
        draft = parse_markdown(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {source}: {getattr(exc, 'strerror', None) or exc}")
    except ValidationError as exc:
        fail(f"{source}: {first_problem(exc)}")
    with open_context() as ctx:
        saved = DesignPractice(ctx.catalog, ctx.db, ctx.user_id).save(prompt_id, draft)
    console.print(f"Saved revision #{saved.id}.")
    if not saved.problems:
        console.print("[green]Every section is there.[/] `prep design reveal` shows the model.")
    for problem in saved.problems:
        console.print(f"  [yellow]{problem}[/]", highlight=False)


@app.command("reveal")
def reveal(prompt_id: PromptArg) -> None:
    """The model design and the rubric to score yourself against."""
    from rich.markdown import Markdown
    from rich.markup import escape

    from prep.cli.catalog_access import open_catalog
    from prep.cli.output import console

    prompt = _prompt_or_fail(prompt_id)
    catalog = open_catalog()
    kind, _, target = prompt.meta.model.partition(":")
    if kind == "lesson":
        console.print(Markdown(catalog.lessons[target].body))
    elif kind == "answer":
        console.print(Markdown(catalog.answers[target].body))
    if prompt.body.strip():
        console.print(Markdown(prompt.body))
    console.print(f"[bold]Rubric[/] ({prompt.total_points} points)")
    for number, item in enumerate(prompt.meta.rubric, 1):
        console.print(
            f"  {number}. {escape(item.criterion)} [bold]({item.points})[/]\n"
            f"     [dim]{escape(item.look_for)}[/]",
            highlight=False,
        )
    console.print(f"Score it: `prep design score {prompt_id} P1 P2 ...` (one number per line).")


@app.command("score")
def score(
    prompt_id: PromptArg,
    points: Annotated[list[int], typer.Argument(help="Points per rubric criterion, in order.")],
) -> None:
    """Record your self-score for the latest revision."""
    from prep.cli.context import open_context
    from prep.cli.output import console, fail
    from prep.interview.design import DesignError, DesignPractice

    prompt = _prompt_or_fail(prompt_id)
    with open_context() as ctx:
        try:
            saved = DesignPractice(ctx.catalog, ctx.db, ctx.user_id).score(prompt_id, points)
        except DesignError as exc:
            fail(str(exc))
    console.print(f"Scored revision #{saved.id}: {saved.score}/{prompt.total_points}.")


def capacity_cmd(
    users: Annotated[int, typer.Option("--users", min=1, help="Daily active users.")],
    requests: Annotated[float, typer.Option("--requests", help="Requests per user per day.")],
    write_fraction: Annotated[
        float, typer.Option("--write-fraction", min=0, max=1, help="Share that writes.")
    ] = 0.1,
    write_bytes: Annotated[int, typer.Option("--write-bytes", min=0)] = 1_000,
    response_bytes: Annotated[int, typer.Option("--response-bytes", min=0)] = 2_000,
    retention_days: Annotated[int, typer.Option("--retention-days", min=1)] = 365,
    peak: Annotated[float, typer.Option("--peak", min=1, help="Peak / average.")] = 2.0,
    replication: Annotated[int, typer.Option("--replication", min=1, max=10)] = 3,
) -> None:
    """Back-of-envelope capacity: QPS, storage and bandwidth, with the arithmetic shown."""
    from pydantic import ValidationError

    from prep.cli.output import console, fail
    from prep.content.diagnostics import first_problem
    from prep.interview.design import CapacityInput, capacity

    try:
        given = CapacityInput(
            daily_active_users=users,
            requests_per_user_per_day=requests,
            write_fraction=write_fraction,
            bytes_per_write=write_bytes,
            bytes_per_response=response_bytes,
            retention_days=retention_days,
            peak_factor=peak,
            replication=replication,
        )
    except ValidationError as exc:
        fail(first_problem(exc))
    for step in capacity(given).steps:
        console.print(step, highlight=False)
