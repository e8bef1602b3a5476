"""`prep export anki`: the cards as an Anki deck."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Export cards (to Anki) and, later, your progress.", no_args_is_help=True)


@app.command("anki")
def anki(
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the .apkg file.")] = Path(
        "prep.apkg"
    ),
    section: Annotated[
        str | None, typer.Option("--section", "-s", help="Only this section (id).")
    ] = None,
) -> None:
    """Write every card to an Anki package (.apkg), one sub-deck per section. Re-importing a
    newer export updates the same notes instead of duplicating them."""
    from prep.cli.catalog_access import open_catalog
    from prep.cli.output import console, fail
    from prep.export.anki import export_anki

    catalog = open_catalog()
    if section is not None and section not in {s.id for s in catalog.sections}:
        known = ", ".join(s.id for s in catalog.sections)
        fail(f"unknown section {section!r}; sections are: {known}")
    if out.suffix != ".apkg":
        fail(f"{out}: an Anki package must end in .apkg")
    try:
        result = export_anki(catalog, out, section=section)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    console.print(
        f"Wrote {result.notes} cards in {result.decks} deck(s) to [bold]{result.path}[/]. "
        "Import it in Anki with File > Import."
    )


@app.command("data")
def data(
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the JSON file.")] = Path(
        "prep-progress.json"
    ),
) -> None:
    """Write your whole progress (settings, card schedules, every review and submission) as one
    versioned JSON file; `prep import data FILE` reads it on another machine."""
    import json

    from prep.cli.context import open_store
    from prep.cli.output import console, fail
    from prep.export.progress import export_progress

    db = open_store()
    try:
        document = export_progress(db, db.local_user_id())
    finally:
        db.close()
    partial = out.with_name(out.name + ".partial")
    try:
        partial.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
        partial.replace(out)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    console.print(
        f"Wrote {len(document['reviews'])} reviews, "  # type: ignore[arg-type]
        f"{len(document['submissions'])} submissions to [bold]{out}[/]."  # type: ignore[arg-type]
    )
