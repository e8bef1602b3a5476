"""`prep settings`: show and change study settings."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from prep.cli.context import open_store
from prep.cli.output import console, fail
from prep.study.settings import (
    SETTING_NAMES,
    SettingsError,
    load_settings,
    parse_setting,
    save_settings,
)

app = typer.Typer(help="Show or change study settings.", invoke_without_command=True)


@app.callback()
def show(ctx: typer.Context) -> None:
    """Show the current settings."""
    if ctx.invoked_subcommand is not None:
        return
    db = open_store()
    try:
        settings = load_settings(db, db.local_user_id())
    finally:
        db.close()
    table = Table(show_header=True)
    table.add_column("setting")
    table.add_column("value")
    table.add_row("desired-retention", f"{settings.desired_retention:g}")
    table.add_row("new-cards-per-day", str(settings.new_cards_per_day))
    table.add_row("interview-date", str(settings.interview_date or "not set"))
    console.print(table)


@app.command("set")
def set_(
    name: Annotated[str, typer.Argument(help=f"One of: {', '.join(SETTING_NAMES)}.")],
    value: Annotated[str, typer.Argument(help="The new value ('none' clears the interview date).")],
) -> None:
    """Change one setting; an invalid value changes nothing."""
    db = open_store()
    try:
        user_id = db.local_user_id()
        try:
            updated = parse_setting(load_settings(db, user_id), name, value)
        except SettingsError as exc:
            fail(str(exc))
        save_settings(db, user_id, updated)
    finally:
        db.close()
    console.print(f"[green]✓[/] {name} = {value}")
