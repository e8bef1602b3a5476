"""`prep mock`: a timed mock interview in the terminal, and `prep mock history`."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from prep.interview.mock import MockInterviews, MockReport

app = typer.Typer(help="Timed mock interviews, weighted by the seed's priorities.")


@app.callback(invoke_without_command=True)
def mock(
    ctx: typer.Context,
    minutes: Annotated[int, typer.Option("--minutes", "-m", help="45 or 60.")] = 45,
    focus: Annotated[
        str | None, typer.Option("--focus", "-f", help="Only this section (id).")
    ] = None,
) -> None:
    """Run a mock: concept questions, a judged problem, a design and a behavioral question."""
    if ctx.invoked_subcommand is not None:
        return
    from prep.cli.context import open_context
    from prep.cli.output import fail
    from prep.interview.mock import MockError, MockInterviews

    with open_context() as context:
        mocks = MockInterviews(context.catalog, context.db, context.user_id)
        try:
            state = mocks.start(minutes, focus, datetime.now(UTC))
        except MockError as exc:
            fail(str(exc))
        _run(mocks, state.id)


def _run(mocks: MockInterviews, mock_id: int) -> None:
    from rich.markdown import Markdown
    from rich.markup import escape
    from rich.panel import Panel

    from prep.cli.output import console
    from prep.cli.review_ui import QuitSession, read_line, typed_lines
    from prep.interview.design import parse_markdown, template
    from prep.paths import data_dir

    catalog = mocks.catalog
    state = mocks.get(mock_id)
    total = sum(p.minutes for p in state.parts)
    console.print(
        f"[bold]Mock interview #{state.id}[/]: {len(state.parts)} parts, {total} minutes."
    )
    try:
        for index, part in enumerate(state.parts):
            console.print(
                Panel(
                    escape(part.title), title=f"Part {index + 1}: {part.kind} · {part.minutes} min"
                )
            )
            began = time.monotonic()
            ends = datetime.now().astimezone() + timedelta(minutes=part.minutes)
            console.print(f"[bold]Timer:[/] {part.minutes} min, until {ends:%H:%M}.")
            given: dict[str, Any]
            if part.kind == "concept":
                typed = typed_lines("Your answer (or answer aloud and press Enter)")
                model = catalog.answers[part.ref]
                console.print(Panel(Markdown(model.meta.short_answer), title="30-second answer"))
                for n, point in enumerate(model.meta.key_points, 1):
                    console.print(f"  [bold]{n}.[/] {escape(point)}", highlight=False)
                covered = _numbers(read_line("Key points you covered (e.g. 1 3): "))
                given = {"covered": covered, "answer": typed}
            elif part.kind == "behavioral":
                read_line("Answer aloud in about two minutes, then press Enter. ")
                console.print(
                    "Which STAR parts did you give? 1 situation  2 task  3 action  4 result"
                )
                given = {"covered": _numbers(read_line("Parts (e.g. 1 2 3 4): "))}
            elif part.kind == "coding":
                console.print(
                    f"In another terminal: [bold]prep solve {part.ref}[/], then "
                    f"[bold]prep submit {part.ref}[/]. Your best submission during the mock counts."
                )
                read_line("Press Enter when you are done. ")
                given = {}
            else:
                path = data_dir() / "designs" / f"mock-{state.id}-{part.ref}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(template(catalog.designs[part.ref]), encoding="utf-8")
                console.print(f"Write your design in [bold]{path}[/].")
                read_line("Press Enter when you are done. ")
                draft = parse_markdown(path.read_text(encoding="utf-8"))
                given = {"sections": draft.model_dump()}
            used = (time.monotonic() - began) / 60
            state = mocks.answer(state.id, index, given, datetime.now(UTC))
            over = (
                f" [yellow](over by {used - part.minutes:.0f} min)[/]"
                if used > part.minutes
                else ""
            )
            console.print(
                f"[dim]{used:.1f} of {part.minutes} min used{over}. "
                f"{escape(state.results[index].detail)}[/]\n"
            )
    except QuitSession:
        console.print("\n[yellow]Stopped: the parts not answered score 0.[/]")
    report = mocks.finish(state.id, datetime.now(UTC))
    _print_report(report)


def _numbers(typed: str) -> list[int]:
    text = typed.strip().lower()
    try:
        return sorted({int(p) - 1 for p in text.replace(",", " ").split()}) if text else []
    except ValueError:
        return []


def _print_report(report: MockReport) -> None:
    from rich.markup import escape
    from rich.table import Table

    from prep.cli.output import console

    mock = report.mock
    table = Table("Part", "Kind", "Score", "Detail", title=f"Mock #{mock.id}")
    for i, part in enumerate(mock.parts):
        result = mock.results.get(i)
        table.add_row(
            escape(part.title[:50]),
            part.kind,
            f"{round(result.score * 100)}%" if result else "0%",
            escape(result.detail if result else "not answered"),
        )
    console.print(table)
    console.print(f"[bold]Overall: {round((mock.score or 0) * 100)}%[/] (weighted by time box)")
    if report.weak_topics:
        console.print("Topics that cost points, study these next:")
        for topic in report.weak_topics[:8]:
            console.print(f"  prep study --topic {topic}")


@app.command("history")
def history() -> None:
    """Your past mocks, newest first, to compare."""
    from rich.table import Table

    from prep.cli.context import open_context
    from prep.cli.output import console
    from prep.interview.mock import MockInterviews

    with open_context() as context:
        past = MockInterviews(context.catalog, context.db, context.user_id).history()
    table = Table("#", "Started (UTC)", "Minutes", "Focus", "Score")
    for m in past:
        score = "unfinished" if m.score is None else f"{round(m.score * 100)}%"
        table.add_row(
            str(m.id),
            m.started_at.strftime("%Y-%m-%d %H:%M"),
            str(m.minutes),
            m.focus or "all",
            score,
        )
    console.print(table if past else "No mocks yet: `prep mock`.")
