"""`prep labs`, `prep lab`: hands-on labs (`prep submit` judges them like problems)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("labs")(labs)
    app.command("lab")(lab)


def labs(
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="python, concurrency, sql, testing, fastapi, config or git.",
        ),
    ] = None,
    topic: Annotated[
        str | None, typer.Option("--topic", "-t", help="Only labs on this topic id.")
    ] = None,
) -> None:
    """List hands-on labs with your status (solved, attempted, new)."""
    from prep.cli.context import open_context
    from prep.cli.labs_view import render_lab_list

    with open_context() as ctx:
        render_lab_list(ctx, kind, topic)


def lab(
    slug: Annotated[str, typer.Argument(help="Lab slug, see `prep labs`.")],
    directory: Annotated[
        Path | None,
        typer.Option("--dir", help="Prepare the workspace here instead of prep's data folder."),
    ] = None,
) -> None:
    """Show a lab's task and prepare its workspace (never over your work)."""
    from prep.cli.catalog_access import open_catalog
    from prep.cli.labs_view import render_task, require_lab
    from prep.labs.workspace import lab_workspace, prepare

    found = require_lab(open_catalog(), slug)
    workspace = directory or lab_workspace(slug)
    created = prepare(found, workspace)
    render_task(found, workspace, created)
