"""Rendering for the lab commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.markdown import Markdown
from rich.markup import escape
from rich.table import Table

from prep.cli.context import Context
from prep.cli.output import console, fail
from prep.content.catalog import Catalog, Lab
from prep.content.lab_models import LAB_KINDS
from prep.judge.verdicts import Judgement

DIFFICULTY_ORDER = ("easy", "medium", "hard")


def require_lab(catalog: Catalog, slug: str) -> Lab:
    found = catalog.labs.get(slug)
    if found is None:
        close = [s for s in catalog.labs if slug in s or s in slug][:5]
        hint = f"; did you mean {', '.join(close)}?" if close else "; `prep labs` lists them"
        fail(f"unknown lab {slug!r}{hint}")
    return found


def render_lab_list(ctx: Context, kind: str | None, topic: str | None) -> None:
    from prep.judge.history import UNTRIED, problem_statuses

    if kind is not None and kind not in LAB_KINDS:
        fail(f"unknown lab kind {kind!r}; use one of {', '.join(LAB_KINDS)}")
    if topic is not None and topic not in ctx.catalog.topics:
        fail(f"unknown topic {topic!r}; `prep topics` lists them")
    statuses = problem_statuses(ctx.db, ctx.user_id)
    rows = sorted(
        (
            lab
            for lab in ctx.catalog.labs.values()
            if (kind is None or lab.kind == kind) and (topic is None or topic in lab.spec.topics)
        ),
        key=lambda lab: (
            LAB_KINDS.index(lab.kind),
            DIFFICULTY_ORDER.index(lab.spec.difficulty),
            lab.slug,
        ),
    )
    table = Table(title=f"Labs ({len(rows)})", title_justify="left")
    for column in ("slug", "kind", "title", "difficulty", "status"):
        table.add_column(column, no_wrap=column == "slug")
    style = {"solved": "green", "attempted": "yellow"}
    for lab in rows:
        status = statuses.get(lab.slug, UNTRIED)
        table.add_row(
            lab.slug,
            lab.kind,
            escape(lab.spec.title),
            lab.spec.difficulty,
            f"[{style.get(status, 'dim')}]{status}[/]",
        )
    console.print(table)


def render_task(lab: Lab, workspace: Path, created: bool) -> None:
    console.print(Markdown(lab.task))
    topics = ", ".join(lab.spec.topics)
    console.print(f"[dim]{lab.kind} lab · {lab.spec.difficulty} · topics: {escape(topics)}[/]")
    state = "Workspace prepared at" if created else "Your workspace is at"
    console.print(f"{state} [bold]{escape(str(workspace))}[/]")
    if lab.spec.answer_file is not None:
        console.print(f"Edit [bold]{escape(lab.spec.answer_file)}[/] there, then run")
    else:
        console.print("Work in that repository with git, then run")
    console.print(f"  [bold]prep submit {lab.slug}[/]")


def judge_lab(lab: Lab, given: Path | None, quiet: bool) -> tuple[str, Judgement]:
    """(what to store, verdict) for the workspace, or for `given` (a file, or a repository)."""
    from prep.labs.workspace import answer_text, grade_answer, grade_workspace, lab_workspace

    if given is not None and lab.spec.answer_file is not None:
        if not given.is_file():
            fail(f"{given} does not exist")
        try:
            answer = given.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read {given}: {exc}")
        return answer, _judged(lambda judge: grade_answer(lab, answer, judge), quiet)
    workspace = given or lab_workspace(lab.slug)
    if not workspace.is_dir():
        fail(f"no workspace at {workspace}; run `prep lab {lab.slug}` first")
    judgement = _judged(lambda judge: grade_workspace(lab, workspace, judge), quiet)
    return answer_text(lab, workspace), judgement


def _judged(action: Callable[[Any], Judgement], quiet: bool) -> Judgement:
    from prep.cli.practice_view import judge_or_fail

    if quiet:
        return judge_or_fail(action)
    with console.status("judging..."):
        return judge_or_fail(action)


def render_lab_judgement(judgement: Judgement) -> None:
    """A lab's verdict: the summary, then every check with what it found when it failed."""
    from prep.cli.practice_view import VERDICT_STYLE
    from prep.judge.verdicts import ACCEPTED

    style = VERDICT_STYLE.get(judgement.verdict, "bold red")
    console.print(
        f"Verdict: [{style}]{judgement.verdict.replace('_', ' ')}[/] · "
        f"{judgement.passed}/{judgement.total} checks passed"
    )
    console.print(escape(judgement.message), highlight=False)
    if not judgement.cases:
        return
    table = Table(show_header=True, show_lines=True)
    for column in ("check", "verdict", "what it found"):
        table.add_column(column)
    for case in judgement.cases:
        found = "" if case.verdict == ACCEPTED or not case.message else case.message
        table.add_row(
            escape(case.name),
            f"[{VERDICT_STYLE.get(case.verdict, 'red')}]{case.verdict}[/]",
            escape(found[:1500]),
        )
    console.print(table)
