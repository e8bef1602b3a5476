"""Load the catalog for a command, turning invalid content into a clear error message."""

from __future__ import annotations

from pathlib import Path

from prep.cli.output import fail
from prep.content.catalog import Catalog
from prep.content.diagnostics import ContentError
from prep.content.loader import load_catalog
from prep.paths import content_dir


def open_catalog(root: Path | None = None) -> Catalog:
    root = root or content_dir()
    try:
        return load_catalog(root).require()
    except ContentError as exc:
        fail(
            f"the content in {root} is invalid; run `prep content check` for details",
            [str(d) for d in exc.diagnostics[:20]],
        )
