"""The root Typer app. Heavy imports happen inside commands so `prep --help` starts fast."""

from __future__ import annotations

import typer

from prep.cli import (
    content_cmd,
    design_cmd,
    export_cmd,
    import_cmd,
    labs_cmd,
    mock_cmd,
    practice_cmd,
    serve_cmd,
    settings_cmd,
    stories_cmd,
    study_cmd,
)

app = typer.Typer(
    name="prep",
    help="Prepare for a senior Python backend interview: lessons, FSRS flashcards, practice.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(content_cmd.app, name="content")
app.add_typer(settings_cmd.app, name="settings")
app.add_typer(export_cmd.app, name="export")
app.add_typer(import_cmd.app, name="import")
app.add_typer(stories_cmd.app, name="stories")
app.add_typer(design_cmd.app, name="design")
app.add_typer(mock_cmd.app, name="mock")
app.command("capacity")(design_cmd.capacity_cmd)
study_cmd.register(app)
practice_cmd.register(app)
labs_cmd.register(app)
serve_cmd.register(app)


def main() -> None:
    app()
