"""`prep serve`: the web app and the JSON API, under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: Annotated[
        str,
        typer.Option(help="Address to listen on. Anything but loopback turns on hosted mode."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    hosted: Annotated[
        bool,
        typer.Option("--hosted", help="Require accounts even on loopback (needs PREP_SECRET_KEY)."),
    ] = False,
) -> None:
    """Start the web app (dashboard, study, problems) and the JSON API at /api/v1 (docs: /docs)."""
    from prep.cli.catalog_access import open_catalog
    from prep.cli.context import open_store
    from prep.cli.output import console, fail
    from prep.web.app import create_app
    from prep.web.config import ConfigError, config_for
    from prep.web.server import run

    try:
        config = config_for(host, port, hosted=True if hosted else None)
    except ConfigError as exc:
        fail(str(exc))
    catalog = open_catalog()
    db = open_store()
    web = create_app(config, catalog, db)
    shown = f"[{host}]" if ":" in host else host
    mode = "hosted: accounts required" if config.hosted else "local: single user, no login"
    console.print(f"prep is running at [bold]http://{shown}:{port}/[/] ({mode}). Ctrl-C stops it.")
    run(web, host, port)
