"""`prep problems`, `prep solve`, `prep run`, `prep submit`, `prep submissions`: coding practice."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

SlugArgument = Annotated[str, typer.Argument(help="Problem slug, see `prep problems`.")]
FileArgument = Annotated[
    Path | None,
    typer.Argument(help="Your solution (default: the workspace file `prep solve` wrote)."),
]


def register(app: typer.Typer) -> None:
    app.command("problems")(problems)
    app.command("solve")(solve)
    app.command("run")(run)
    app.command("submit")(submit)
    app.command("submissions")(submissions)


def problems(
    topic: Annotated[
        str | None, typer.Option("--topic", "-t", help="Only problems on this topic id.")
    ] = None,
    difficulty: Annotated[
        str | None, typer.Option("--difficulty", "-d", help="easy, medium or hard.")
    ] = None,
    pattern: Annotated[
        str | None, typer.Option("--pattern", "-p", help="Words in the pattern, e.g. 'window'.")
    ] = None,
) -> None:
    """List coding problems with your status (solved, attempted, new)."""
    from prep.cli.context import open_context
    from prep.cli.practice_view import render_problem_list

    with open_context() as ctx:
        render_problem_list(ctx, topic, difficulty, pattern)


def solve(
    slug: SlugArgument,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open the solution file in $EDITOR.")
    ] = False,
) -> None:
    """Show a problem and write its starter file into your workspace (never over your work)."""
    from prep.cli.catalog_access import open_catalog
    from prep.cli.practice_view import render_statement, require_problem, workspace_file

    problem = require_problem(open_catalog(), slug)
    path = workspace_file(slug)
    created = not path.exists()
    if created:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(problem.starter, encoding="utf-8")
    render_statement(problem, path, created)
    if edit:
        _open_editor(path)


def run(slug: SlugArgument, file: FileArgument = None) -> None:
    """Run your solution on the sample cases and compare with the expected output."""
    from prep.cli.catalog_access import open_catalog
    from prep.cli.practice_view import (
        judge_or_fail,
        read_solution,
        render_judgement,
        require_problem,
    )

    problem = require_problem(open_catalog(), slug)
    code = read_solution(slug, file)
    judgement = judge_or_fail(lambda judge: judge.run_samples(problem, code))
    render_judgement(judgement, samples_only=True)


def submit(
    slug: Annotated[str, typer.Argument(help="Problem or lab slug.")],
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Your solution (default: the workspace file `prep solve` or `prep lab` wrote; "
            "for a git lab, the repository folder)."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the verdict as one JSON object.")
    ] = False,
) -> None:
    """Judge a problem solution on every case, or a lab's workspace, and record it."""
    import json

    from prep.cli.context import open_context
    from prep.cli.practice_view import (
        judge_or_fail,
        judged_with_progress,
        read_solution,
        render_judgement,
        require_problem,
    )
    from prep.judge.history import record_submission

    with open_context() as ctx:
        if slug in ctx.catalog.labs:
            from prep.cli.labs_view import judge_lab, render_lab_judgement

            code, judgement = judge_lab(ctx.catalog.labs[slug], file, quiet=as_json)
            record_submission(ctx.db, ctx.user_id, slug, code, judgement)
            if as_json:
                typer.echo(json.dumps(judgement.to_json()))
            else:
                render_lab_judgement(judgement)
            return
        problem = require_problem(ctx.catalog, slug)
        code = read_solution(slug, file)
        if as_json:
            judgement = judge_or_fail(lambda judge: judge.submit(problem, code))
        else:
            judgement = judged_with_progress(problem, code)
        record_submission(ctx.db, ctx.user_id, slug, code, judgement)
    if as_json:
        typer.echo(json.dumps(judgement.to_json()))
    else:
        render_judgement(judgement, samples_only=False)


def submissions(slug: SlugArgument) -> None:
    """Your past submissions to a problem, newest first."""
    from prep.cli.context import open_context
    from prep.cli.practice_view import render_submissions, require_problem

    with open_context() as ctx:
        require_problem(ctx.catalog, slug)
        render_submissions(ctx, slug)


def _open_editor(path: Path) -> None:
    import os
    import shlex
    import subprocess

    from prep.cli.output import fail

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        fail("set $EDITOR (or $VISUAL) to open the file, e.g. export EDITOR=vim")
    try:
        subprocess.run([*shlex.split(editor), str(path)], check=False)
    except FileNotFoundError:
        fail(f"the editor {editor!r} was not found")
