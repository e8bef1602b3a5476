"""`prep content check`: validate all content and execute every piece of code it contains.

A lesson example that fails, or an output card whose stored answer differs from what its code
prints, would teach a candidate something false; the check makes either impossible to ship.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from prep.content.artefacts import check_artefact, is_artefact
from prep.content.catalog import Card, DesignPrompt, Lesson, ModelAnswer
from prep.content.design_sheets import DESIGN_SECTION, design_sheet_problems
from prep.content.diagnostics import Diagnostic, relative
from prep.content.loader import load_catalog
from prep.content.models import CLOZE_PATTERN, ClozeCard, OutputCard, SqlCard
from prep.content.python_ast import parse_python
from prep.content.sample_db import QueryError, run_query
from prep.content.snippets import SnippetRun, normalize_output, run_snippet
from prep.judge.content_check import check_problems
from prep.labs.content_check import check_labs

#: Output cards run under two string-hash seeds: output that depends on set order is flaky.
HASH_SEEDS = (1, 2)
MAX_SQL_ROWS = 12


@dataclass(frozen=True)
class CheckReport:
    diagnostics: tuple[Diagnostic, ...]
    files: int
    lessons: int
    cards: int
    snippets_run: int
    problems: int = 0
    labs: int = 0
    submissions_judged: int = 0

    @property
    def ok(self) -> bool:
        return not self.diagnostics


@dataclass(frozen=True)
class _Job:
    path: Path
    item: str
    field: str
    code: str
    expected: str | None
    hash_seed: int


def check_content(
    root: Path,
    *,
    workers: int | None = None,
    only_problems: Sequence[str] | None = None,
    only_paths: Sequence[str] | None = None,
) -> CheckReport:
    """Validate and execute all content.

    `only_problems` limits the (slow) judging of problems and labs to these slugs; `only_paths`
    (paths relative to the content root, or prefixes of them) limits which lessons, answers and
    cards are executed.
    The whole tree is always loaded and validated, so cross-references are still checked.
    """
    loaded = load_catalog(root)
    diagnostics = list(loaded.diagnostics)
    catalog = loaded.catalog
    if catalog is None:
        return CheckReport(tuple(diagnostics), _count_files(root), 0, 0, 0)

    def wanted(path: Path) -> bool:
        rel = relative(path, root)
        return only_paths is None or any(rel.startswith(p.strip("/")) for p in only_paths)

    # Lessons and model answers both carry runnable examples; both are executed.
    every: list[Lesson | ModelAnswer | DesignPrompt] = [
        *catalog.lessons.values(),
        *catalog.answers.values(),
        *catalog.designs.values(),
    ]
    documents = [d for d in every if wanted(d.path)]
    jobs = [job for document in documents for job in _example_jobs(document)]
    for card in catalog.cards.values():
        if not wanted(card.path):
            continue
        jobs.extend(_card_jobs(card))
        diagnostics.extend(_static_card_checks(card, root))
    for document in documents:
        diagnostics.extend(_sql_examples(document, root))
        diagnostics.extend(_artefact_examples(document, root))
    for design in catalog.designs.values():
        if wanted(design.path) and design.meta.model == "inline":
            diagnostics.extend(
                Diagnostic(relative(design.path, root), None, "body", problem)
                for problem in design_sheet_problems(design.body)
            )
    for lesson in catalog.lessons.values():
        if wanted(lesson.path) and catalog.topics[lesson.topic_id].section_id == DESIGN_SECTION:
            diagnostics.extend(
                Diagnostic(relative(lesson.path, root), None, "body", problem)
                for problem in design_sheet_problems(lesson.body)
            )

    pool_size = workers or max(2, (os.cpu_count() or 2) * 2)
    with ThreadPoolExecutor(max_workers=pool_size) as pool:
        runs = list(pool.map(lambda j: run_snippet(j.code, hash_seed=j.hash_seed), jobs))
    seen: set[tuple[Path, str]] = set()
    for job, run in zip(jobs, runs, strict=True):
        problem = _verdict(job, run)
        # One report per item even when both hash seeds disagree the same way.
        if problem and (job.path, job.item) not in seen:
            seen.add((job.path, job.item))
            diagnostics.append(Diagnostic(relative(job.path, root), job.item, job.field, problem))
    problems = [
        p for slug, p in catalog.problems.items() if only_problems is None or slug in only_problems
    ]
    labs = [
        lab for slug, lab in catalog.labs.items() if only_problems is None or slug in only_problems
    ]
    problem_diagnostics, judged = check_problems(problems, root)
    diagnostics.extend(problem_diagnostics)
    lab_diagnostics, lab_judged = check_labs(labs, root)
    diagnostics.extend(lab_diagnostics)
    return CheckReport(
        tuple(sorted(diagnostics)),
        _count_files(root),
        len(catalog.lessons),
        len(catalog.cards),
        len(jobs),
        len(problems),
        len(labs),
        judged + lab_judged,
    )


def _example_jobs(lesson: Lesson | ModelAnswer | DesignPrompt) -> list[_Job]:
    return [
        _Job(
            lesson.path,
            f"example at line {ex.line}",
            "output" if ex.expected_output is not None else "code",
            ex.code,
            ex.expected_output,
            HASH_SEEDS[0],
        )
        for ex in lesson.examples
        if ex.runs and ex.language == "python"
    ]


def _sql_examples(lesson: Lesson | ModelAnswer | DesignPrompt, root: Path) -> list[Diagnostic]:
    out = []
    for example in lesson.examples:
        if not example.runs or example.language != "sql":
            continue
        item = f"example at line {example.line}"
        try:
            result = run_query(root, example.code)
        except QueryError as exc:
            out.append(Diagnostic(relative(lesson.path, root), item, "code", f"SQL failed: {exc}"))
            continue
        if example.expected_output is not None:
            expected = normalize_output(example.expected_output)
            actual = "\n".join(result.text_rows())
            if expected != normalize_output(actual):
                out.append(
                    Diagnostic(
                        relative(lesson.path, root),
                        item,
                        "output",
                        f"the query returns:\n{actual or '(no rows)'}",
                    )
                )
    return out


def _artefact_examples(
    document: Lesson | ModelAnswer | DesignPrompt, root: Path
) -> list[Diagnostic]:
    out = []
    for example in document.examples:
        if is_artefact(example) and (problem := check_artefact(example)) is not None:
            item = f"example at line {example.line}"
            out.append(Diagnostic(relative(document.path, root), item, "code", problem))
    return out


def _card_jobs(card: Card) -> list[_Job]:
    spec = card.spec
    if not isinstance(spec, OutputCard):
        return []
    return [
        _Job(card.path, f"card {spec.id}", "output", spec.code, spec.output, seed)
        for seed in HASH_SEEDS
    ]


def _static_card_checks(card: Card, root: Path) -> list[Diagnostic]:
    spec = card.spec
    if isinstance(spec, SqlCard):
        try:
            result = run_query(root, spec.query, spec.setup)
        except QueryError as exc:
            return [
                Diagnostic(
                    relative(card.path, root), f"card {spec.id}", "query", f"SQL failed: {exc}"
                )
            ]
        if len(result.rows) > MAX_SQL_ROWS:
            return [
                Diagnostic(
                    relative(card.path, root),
                    f"card {spec.id}",
                    "query",
                    f"returns {len(result.rows)} rows; a card should need at most {MAX_SQL_ROWS}",
                )
            ]
        return []
    if isinstance(spec, ClozeCard) and spec.lang == "python":
        filled = CLOZE_PATTERN.sub(lambda m: m.group(2), spec.text)
        try:
            parse_python(filled)
        except SyntaxError as exc:
            return [
                Diagnostic(
                    relative(card.path, root),
                    f"card {spec.id}",
                    "text",
                    "with the blanks filled in, the code is not valid Python: "
                    f"{exc.msg} (line {exc.lineno})",
                )
            ]
    return []


def _verdict(job: _Job, run: SnippetRun) -> str | None:
    if not run.ok:
        return f"code {run.failure()}"
    if job.expected is None:
        return None
    expected, actual = normalize_output(job.expected), normalize_output(run.stdout)
    if expected == actual:
        return None
    diff = difflib.unified_diff(
        expected.splitlines(),
        actual.splitlines(),
        "stored output",
        "actual output",
        lineterm="",
        n=1,
    )
    seed_note = f" (with PYTHONHASHSEED={job.hash_seed})" if job.hash_seed != HASH_SEEDS[0] else ""
    return "stored output differs from what the code prints" + seed_note + ":\n" + "\n".join(diff)


def _count_files(root: Path) -> int:
    return sum(1 for p in root.rglob("*") if p.is_file() and p.suffix in {".yaml", ".md"})
