"""`prep import data FILE`: merge a progress file written by `prep export data`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Import progress exported by `prep export data`.", no_args_is_help=True)


@app.command("data")
def data(
    file: Annotated[Path, typer.Argument(help="A file written by `prep export data`.")],
) -> None:
    """Merge the file into your progress. Reviews and submissions already present are skipped, so
    importing the same file twice adds nothing; a card keeps whichever schedule is more recent.
    A malformed file is refused and nothing changes."""
    from prep.cli.context import open_store
    from prep.cli.output import console, fail
    from prep.export.progress import ProgressFileError, import_progress, parse_progress

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}")
    try:
        document = parse_progress(text)
    except ProgressFileError as exc:
        fail(f"{file}: {exc}; nothing was imported")
    db = open_store()
    try:
        report = import_progress(db, db.local_user_id(), document)
    finally:
        db.close()
    console.print(
        f"Imported from {file}: {report.reviews_added} reviews added "
        f"({report.reviews_skipped} already present), {report.states_updated} card schedules "
        f"updated ({report.states_kept} kept), {report.submissions_added} submissions added "
        f"({report.submissions_skipped} already present), {report.stories_added} stories and "
        f"{report.designs_and_mocks_added} designs and mocks added."
    )
