"""Shared terminal output: one Console, and how user-facing errors are printed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, details: Iterable[str] = ()) -> NoReturn:
    """Print a user-facing error (no traceback) and exit with status 1."""
    err_console.print(f"[bold red]error:[/] {escape(message)}")
    for line in details:
        err_console.print(f"  {line}", markup=False)
    raise typer.Exit(1)
