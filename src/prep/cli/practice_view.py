"""Rendering for the practice commands, and the small pieces they share."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.markdown import Markdown
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from prep.cli.context import Context
from prep.cli.output import console, fail
from prep.content.catalog import Catalog, Problem
from prep.judge.verdicts import ACCEPTED, SKIPPED, Judgement
from prep.paths import data_dir

VERDICT_STYLE = {ACCEPTED: "bold green", SKIPPED: "dim"}
MAX_SHOWN_CHARS = 600


def workspace_file(slug: str) -> Path:
    return data_dir() / "workspace" / slug / "solution.py"


def require_problem(catalog: Catalog, slug: str) -> Problem:
    problem = catalog.problems.get(slug)
    if problem is None:
        close = [s for s in catalog.problems if slug in s or s in slug][:5]
        hint = f"; did you mean {', '.join(close)}?" if close else "; `prep problems` lists them"
        fail(f"unknown problem {slug!r}{hint}")
    return problem


def read_solution(slug: str, file: Path | None) -> str:
    path = file or workspace_file(slug)
    if not path.is_file():
        if file is None:
            fail(f"no solution at {path}; run `prep solve {slug}` first, or give a file")
        fail(f"{path} does not exist")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}")


def judge_or_fail(action: Callable[[Any], Judgement]) -> Judgement:
    from prep.judge.grading import JudgeError
    from prep.judge.service import Judge

    judge = Judge()
    try:
        return action(judge)
    except ValueError as exc:
        fail(str(exc))
    except JudgeError as exc:
        fail(f"the judge failed (this is a bug in prep, not in your code): {exc}")
    finally:
        judge.close()


def judged_with_progress(problem: Problem, code: str) -> Judgement:
    with Progress(
        TextColumn("[bold]judging[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("cases", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return judge_or_fail(lambda judge: judge.submit(problem, code, advance))


def render_problem_list(
    ctx: Context, topic: str | None, difficulty: str | None, pattern: str | None
) -> None:
    from prep.judge.history import UNTRIED, problem_statuses

    statuses = problem_statuses(ctx.db, ctx.user_id)
    rows = [
        p
        for p in sorted(
            ctx.catalog.problems.values(),
            key=lambda p: (("easy", "medium", "hard").index(p.spec.difficulty), p.slug),
        )
        if (topic is None or topic in p.spec.topics)
        and (difficulty is None or p.spec.difficulty == difficulty)
        and (pattern is None or pattern.lower() in p.spec.pattern.lower())
    ]
    table = Table(title=f"Problems ({len(rows)})", title_justify="left")
    for column in ("slug", "title", "difficulty", "pattern", "status"):
        table.add_column(column, no_wrap=column == "slug")
    style = {"solved": "green", "attempted": "yellow"}
    for p in rows:
        status = statuses.get(p.slug, UNTRIED)
        table.add_row(
            p.slug,
            escape(p.spec.title),
            p.spec.difficulty,
            escape(p.spec.pattern),
            f"[{style.get(status, 'dim')}]{status}[/]",
        )
    console.print(table)


def render_statement(problem: Problem, path: Path, created: bool) -> None:
    console.print(Markdown(problem.statement))
    console.print(
        f"[dim]{problem.spec.difficulty} · {escape(problem.spec.pattern)} · "
        f"limits {problem.spec.time_limit_ms} ms per case, {problem.spec.memory_limit_mb} MB[/]"
    )
    state = "Starter written to" if created else "Your solution is at"
    console.print(f"{state} [bold]{escape(str(path))}[/]")
    console.print(
        f"Then: [bold]prep run {problem.slug}[/] (samples) and [bold]prep submit {problem.slug}[/]."
    )


def render_judgement(judgement: Judgement, *, samples_only: bool) -> None:
    style = VERDICT_STYLE.get(judgement.verdict, "bold red")
    title = "Samples" if samples_only else "Verdict"
    console.print(
        f"{title}: [{style}]{judgement.verdict.replace('_', ' ')}[/] · "
        f"{judgement.passed}/{judgement.total} passed · {judgement.time_ms:.0f} ms · "
        f"{judgement.memory_kb / 1024:.1f} MB"
    )
    failure = judgement.first_failure
    # A failing sample is shown in full below; say only the gist here.
    detailed = failure is not None and failure.sample
    console.print(
        escape(judgement.message.splitlines()[0] if detailed else judgement.message),
        highlight=False,
    )
    table = Table(show_header=True)
    for column in ("case", "verdict", "time"):
        table.add_column(column, justify="right" if column == "time" else "left")
    for case in judgement.cases:
        label = case.name + ("" if case.sample else " [dim](hidden)[/]")
        time_text = "" if case.time_ms is None else f"{case.time_ms:.1f} ms"
        table.add_row(
            label, f"[{VERDICT_STYLE.get(case.verdict, 'red')}]{case.verdict}[/]", time_text
        )
    console.print(table)
    for case in judgement.cases:
        failed = case.verdict not in (ACCEPTED, SKIPPED)
        if case.sample and (failed or (samples_only and case.verdict == ACCEPTED)):
            _show_case(case)
    if judgement.complexity is not None:
        c = judgement.complexity
        estimated = c.estimated or "not enough signal to say"
        console.print(f"Growth: {estimated} (expected {c.expected}, confidence {c.confidence})")
    for note in judgement.notes:
        console.print(f"[yellow]{escape(note)}[/]")


def _show_case(case: Any) -> None:
    table = Table(show_header=False, title=f"sample {case.name}", title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("input", escape(_short(case.input)))
    table.add_row("expected", escape(_short(case.expected)))
    table.add_row("actual", escape(_short(case.actual)) if case.verdict != "runtime_error" else "—")
    if case.message:
        table.add_row("message", escape(case.message))
    if case.stdout:
        table.add_row("printed", escape(case.stdout[:MAX_SHOWN_CHARS]))
    console.print(table)


def _short(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS] + " ..."


def render_submissions(ctx: Context, slug: str) -> None:
    from prep.judge.history import submissions_for

    rows = submissions_for(ctx.db, ctx.user_id, slug)
    if not rows:
        console.print(f"No submissions to {slug} yet.")
        return
    table = Table(title=f"Submissions to {slug}", title_justify="left")
    for column in ("#", "when", "verdict", "passed", "time"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row.id),
            row.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            f"[{VERDICT_STYLE.get(row.verdict, 'red')}]{row.verdict}[/]",
            f"{row.passed}/{row.total}",
            f"{row.time_ms:.0f} ms",
        )
    console.print(table)
