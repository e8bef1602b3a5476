"""The interactive review loop of `prep study`.

The loop only talks to the terminal; scheduling and grading live in prep.study. Each answer is
recorded by StudyService.record() before the next card is shown, so quitting at any prompt
(q, Ctrl-D, Ctrl-C) loses nothing already answered.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.syntax import Syntax
from rich.text import Text

from prep.cli.context import Context
from prep.cli.output import console
from prep.content.catalog import Card
from prep.content.models import ChoiceCard, ClozeCard, OutputCard, RecallCard, SqlCard
from prep.content.sample_db import run_query
from prep.study import grading
from prep.study.scheduler import Rating
from prep.study.session import ReviewOutcome, Scope, StudyService

QUIT = "q"
RATING_KEYS = {"1": Rating.Again, "2": Rating.Hard, "3": Rating.Good, "4": Rating.Easy}


class QuitSession(Exception):
    """The candidate asked to stop (q, end of input or Ctrl-C)."""


@dataclass
class _Tally:
    reviewed: int = 0
    correct: int = 0


def run_session(ctx: Context, scope: Scope, limit: int | None) -> None:
    service = StudyService(ctx.catalog, ctx.db, ctx.user_id)
    counts = service.counts(scope, _now())
    console.print(
        f"[bold]prep study[/]: {counts.due} due, {counts.new} new available today. "
        f"Type [bold]{QUIT}[/] at any prompt to stop; every answer is saved as you go."
    )
    tally = _Tally()
    rng = random.Random()
    try:
        while limit is None or tally.reviewed < limit:
            upcoming = service.next_card(scope, _now())
            if upcoming is None:
                console.print("[green]Nothing left to review right now.[/]")
                break
            _header(ctx, upcoming.card, upcoming.is_new, tally.reviewed + 1)
            started = time.monotonic()
            rating, answer, correct = _ask(ctx, upcoming.card, rng)
            outcome = service.record(
                upcoming.card.id,
                rating,
                _now(),
                answer=answer,
                correct=correct,
                duration_ms=int((time.monotonic() - started) * 1000),
            )
            tally.reviewed += 1
            tally.correct += rating != Rating.Again
            console.print(f"[dim]Next review {when_due(outcome)}.[/]\n")
    except QuitSession:
        console.print()
    except KeyboardInterrupt:
        console.print("\n[yellow]Interrupted.[/]")
    console.print(
        f"Reviewed {tally.reviewed} card(s), {tally.correct} remembered. "
        f"Progress is saved; run [bold]prep topics[/] to see mastery."
    )


def _now() -> datetime:
    return datetime.now(UTC)


def _header(ctx: Context, card: Card, is_new: bool, number: int) -> None:
    topic = ctx.catalog.topics[card.topic_id]
    section = ctx.catalog.section(topic.section_id)
    tag = " · [cyan]new[/]" if is_new else ""
    console.rule(
        f"[bold]{number}[/] · {escape(section.title)} / {escape(topic.title)} · {card.kind}{tag}",
        align="left",
    )
    console.print(Markdown(card.spec.prompt))
    if card.spec.code and not isinstance(card.spec, ClozeCard):
        console.print(Syntax(card.spec.code.rstrip("\n"), "python", line_numbers=False))


def _ask(ctx: Context, card: Card, rng: random.Random) -> tuple[int, str | None, bool | None]:
    """Ask the card; returns (rating, typed answer, auto-graded correctness)."""
    spec = card.spec
    if isinstance(spec, SqlCard):
        return _ask_sql(ctx, card, spec)
    if isinstance(spec, RecallCard):
        read_line("[dim]Press Enter to show the answer[/] ")
        console.print(Panel(Markdown(spec.answer), title="answer", title_align="left"))
        _explain(card)
        return (
            _rating("How well did you recall it? 1 Again  2 Hard  3 Good  4 Easy", None),
            None,
            None,
        )
    if isinstance(spec, ChoiceCard):
        order = grading.choice_order(spec, rng)
        for position, index in enumerate(order):
            console.print(
                f"  [bold]{grading.LETTERS[position]})[/] {escape(spec.options[index].text)}",
                highlight=False,
            )
        how = "all that apply, e.g. a,c" if spec.multiple else "one letter"
        while True:
            typed = read_line(f"Your answer ({how}): ")
            try:
                picked = grading.parse_choice(typed, len(order))
                break
            except grading.AnswerFormatError as exc:
                console.print(f"[yellow]{escape(str(exc))}[/]")
        grade = grading.grade_choice(spec, order, picked)
        return _verdict(card, grade), typed, grade.correct
    if isinstance(spec, OutputCard):
        typed = typed_lines("Type the exact output")
        grade = grading.grade_output(spec, typed)
        return _verdict(card, grade), typed, grade.correct
    assert isinstance(spec, ClozeCard)
    masked = grading.cloze_masked(spec)
    if spec.lang:
        console.print(Syntax(masked.rstrip("\n"), spec.lang))
    else:
        console.print(masked, highlight=False, markup=False)
    answers = [read_line(f"Blank {blank.key[1:]}: ") for blank in grading.cloze_blanks(spec)]
    grade = grading.grade_cloze(spec, answers)
    return _verdict(card, grade), "\n".join(answers), grade.correct


def typed_lines(instruction: str) -> str:
    console.print(f"[dim]{instruction}, then an empty line:[/]")
    lines: list[str] = []
    while line := read_line("", allow_quit=not lines):
        lines.append(line)
    return "\n".join(lines)


def _ask_sql(ctx: Context, card: Card, spec: SqlCard) -> tuple[int, str | None, bool | None]:
    if spec.setup:
        console.print("[dim]After running:[/]")
        console.print(Syntax(spec.setup.rstrip("\n"), "sql"))
    console.print(Syntax(spec.query.rstrip("\n"), "sql"))
    result = run_query(ctx.catalog.root, spec.query, spec.setup)
    order = "in order" if spec.order_matters else "in any order"
    typed = typed_lines(
        f"Type the rows {order}, one per line, cells separated by | ('none' for no rows)"
    )
    grade = grading.grade_sql(result, spec.order_matters, typed)
    return _verdict(card, grade), typed, grade.correct


def _verdict(card: Card, grade: grading.Grade) -> int:
    if grade.correct:
        console.print("[bold green]✓ Correct[/]")
    else:
        console.print("[bold red]✗ Not quite.[/] Expected:")
        console.print(Panel(Text(grade.expected), expand=False))
        for note in grade.notes:
            console.print(f"  [dim]{escape(note)}[/]", highlight=False)
    _explain(card)
    if not grade.correct:
        console.print("[dim]Recorded as Again: you will see it again soon.[/]")
        return int(Rating.Again)
    return _rating("How easy was it? 2 Hard  3 Good  4 Easy  (Enter = Good)", Rating.Good)


def _explain(card: Card) -> None:
    if card.spec.explanation:
        console.print(
            Panel(
                Markdown(card.spec.explanation), title="why", title_align="left", border_style="dim"
            )
        )


def _rating(prompt: str, default: Rating | None) -> int:
    allowed = RATING_KEYS if default is None else {k: v for k, v in RATING_KEYS.items() if k != "1"}
    while True:
        typed = read_line(f"{prompt}: ").strip()
        if not typed and default is not None:
            return int(default)
        if typed in allowed:
            return int(allowed[typed])
        console.print(f"[yellow]Type {', '.join(allowed)}.[/]")


def read_line(prompt: str, *, allow_quit: bool = True) -> str:
    try:
        typed = console.input(prompt)
    except EOFError:
        raise QuitSession from None
    if allow_quit and typed.strip().lower() == QUIT:
        raise QuitSession
    return typed


def when_due(outcome: ReviewOutcome) -> str:
    delta = outcome.due - _now()
    if delta < timedelta(hours=1):
        return f"in {max(1, round(delta.total_seconds() / 60))} min"
    if delta < timedelta(days=1):
        return f"in {round(delta.total_seconds() / 3600)} h"
    days = round(delta.total_seconds() / 86400)
    return f"in {days} day{'s' if days != 1 else ''}"
