"""`prep content ...`: commands for content authors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from prep.cli.output import console
from prep.paths import content_dir

app = typer.Typer(
    help="Validate content and report its coverage of the seed.", no_args_is_help=True
)

ContentOption = Annotated[
    Path | None,
    typer.Option(
        "--content", help="Content directory (default: $PREP_CONTENT or the bundled content)."
    ),
]


@app.command("check")
def check(
    content: ContentOption = None,
    problem: Annotated[
        list[str] | None,
        typer.Option(
            "--problem", "-p", help="Judge only these problems and labs (slug; repeatable)."
        ),
    ] = None,
    path: Annotated[
        list[str] | None,
        typer.Option(
            "--path",
            help="Execute only lessons, answers and cards under this content-relative path "
            "(repeatable); everything is still loaded and validated.",
        ),
    ] = None,
) -> None:
    """Validate all content, run every example and output card, and judge every problem's
    reference and known-bad solutions."""
    from prep.content.check import check_content

    root = content or content_dir()
    with console.status("Checking content..."):
        report = check_content(root, only_problems=problem, only_paths=path)
    for diagnostic in report.diagnostics:
        console.print(f"[red]✗[/] {escape(str(diagnostic))}", highlight=False, soft_wrap=True)
    summary = (
        f"{report.lessons} lessons, {report.cards} cards, {report.snippets_run} snippets run, "
        f"{report.problems} problems, {report.labs} labs "
        f"({report.submissions_judged} solutions judged), "
        f"{len(report.diagnostics)} error(s)"
    )
    if report.ok:
        console.print(f"[green]✓ content ok[/]: {summary}")
        return
    console.print(f"[red]✗ content check failed[/]: {summary}")
    raise typer.Exit(1)


@app.command("stats")
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
    content: ContentOption = None,
) -> None:
    """Coverage of the seed: lessons, cards and exercises per topic; model answers per question."""
    from prep.cli.catalog_access import open_catalog
    from prep.content.stats import coverage

    data = coverage(open_catalog(content))
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    table = Table(title="Content coverage", show_lines=False)
    for column in ("section", "topic", "priority", "lesson", "cards", "kinds", "exercises"):
        table.add_column(column, justify="right" if column in {"cards", "exercises"} else "left")
    for t in data["topics"]:
        kinds = ", ".join(f"{k} {n}" for k, n in t["card_types"].items())
        table.add_row(
            t["section"],
            t["id"],
            t["priority"],
            "✓" if t["lessons"] else "·",
            str(t["cards"]),
            kinds,
            str(t["exercises"]),
        )
    console.print(table)
    answered = sum(q["model_answer"] for q in data["questions"])
    console.print(f"Likely questions with a model answer: {answered}/{len(data['questions'])}")
