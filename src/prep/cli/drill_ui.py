"""`prep drill` in the terminal: a likely question, your answer, then the key points you covered."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel

from prep.cli.context import Context
from prep.cli.output import console
from prep.cli.review_ui import QUIT, QuitSession, read_line, typed_lines, when_due
from prep.study.drill import DrillService


def parse_points(typed: str, total: int) -> set[int] | None:
    """'1 3 4', '1,3', 'all' or 'none' as 0-based indices; None when it cannot be read."""
    text = typed.strip().lower()
    if text in {"all", "a"}:
        return set(range(total))
    if text in {"none", "0", ""}:
        return set()
    try:
        points = {int(p) - 1 for p in text.replace(",", " ").split()}
    except ValueError:
        return None
    return points if all(0 <= p < total for p in points) else None


def run_drill(ctx: Context, limit: int | None) -> None:
    service = DrillService(ctx.catalog, ctx.db, ctx.user_id)
    console.print(
        f"[bold]prep drill[/]: the seed's likely questions. Answer (typed, or aloud and press "
        f"Enter), then say which key points you covered. Type [bold]{QUIT}[/] to stop."
    )
    done = 0
    asked: set[str] = set()
    try:
        while limit is None or done < limit:
            upcoming = service.next_question(datetime.now(UTC), skip=frozenset(asked))
            if upcoming is None:
                console.print("[green]No question is due right now.[/]")
                break
            question, model = upcoming.question, upcoming.answer
            label = "new" if upcoming.is_new else "review"
            console.print(Panel(escape(question.seed), title=f"{escape(question.group)} · {label}"))
            started = time.monotonic()
            typed = typed_lines("Your answer (or answer aloud and press Enter)")
            console.print(Panel(Markdown(model.meta.short_answer), title="30-second answer"))
            for number, point in enumerate(model.meta.key_points, 1):
                console.print(f"  [bold]{number}.[/] {escape(point)}", highlight=False)
            total = len(model.meta.key_points)
            while (
                covered := parse_points(
                    read_line("Key points you covered (e.g. 1 3 4, all, none): "), total
                )
            ) is None:
                console.print(f"[yellow]Type numbers from 1 to {total}, 'all' or 'none'.[/]")
            result = service.record(
                question.id,
                covered,
                datetime.now(UTC),
                answer=typed or None,
                duration_ms=int((time.monotonic() - started) * 1000),
            )
            console.print(
                f"Covered {result.covered}/{result.total} ({round(result.share * 100)}%): "
                f"next time {when_due(result.outcome)}."
            )
            if model.meta.follow_ups:
                console.print("[dim]Follow-ups to expect:[/]")
                for item in model.meta.follow_ups[:3]:
                    console.print(f"  [dim]- {escape(item)}[/]", highlight=False)
            console.print(
                f"[dim]Full answer: the model answer for {question.id} in the web app.[/]\n"
            )
            asked.add(question.id)
            done += 1
    except QuitSession:
        console.print()
    except KeyboardInterrupt:
        console.print("\n[yellow]Interrupted.[/]")
    console.print(f"Drilled {done} question(s). Each is scheduled by how much you covered.")
