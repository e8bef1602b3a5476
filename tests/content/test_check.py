"""`prep content check` executes content: a wrong stored answer or a failing example is caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.catalog import Catalog
from prep.content.check import check_content
from prep.content.snippets import run_snippet
from prep.judge.content_check import check_problems
from prep.judge.service import Judge
from prep.labs.content_check import check_labs
from tests.conftest import GENS_CARDS, LESSON, REAL_CONTENT, tiny_files, write_tree

runner = CliRunner()


def _check(tmp_path: Path, changes: dict[str, str]) -> list[str]:
    files = tiny_files() | changes
    report = check_content(write_tree(tmp_path / "content", files))
    return [str(d) for d in report.diagnostics]


def test_good_content_passes_and_runs_every_snippet(tiny_content: Path) -> None:
    report = check_content(tiny_content)
    assert report.ok, report.diagnostics
    # one lesson example, plus the output card under each of the two hash seeds
    assert report.snippets_run == 3


def test_wrong_output_answer_is_caught_with_a_diff(tmp_path: Path) -> None:
    wrong = GENS_CARDS.replace("      [0, 1] []\n", "      [0, 1] [0, 1]\n")
    problems = _check(tmp_path, {"cards/basics/gens.yaml": wrong})
    assert len(problems) == 1
    assert problems[0].startswith(
        "cards/basics/gens.yaml: card lazy: field output: stored output differs"
    )
    assert "-[0, 1] [0, 1]" in problems[0] and "+[0, 1] []" in problems[0]


def test_lesson_example_with_wrong_output_names_its_line(tmp_path: Path) -> None:
    problems = _check(
        tmp_path, {"lessons/basics/gens.md": LESSON.replace("```output\n6", "```output\n7")}
    )
    assert len(problems) == 1
    assert problems[0].startswith("lessons/basics/gens.md: example at line 9: field output:")


def test_lesson_example_that_raises_is_caught(tmp_path: Path) -> None:
    broken = LESSON.replace("```output", "```python\nraise ValueError('boom')\n```\n\n```output")
    problems = _check(tmp_path, {"lessons/basics/gens.md": broken})
    assert any("exited with status 1" in p and "ValueError: boom" in p for p in problems), problems


def test_output_that_depends_on_set_order_is_caught(tmp_path: Path) -> None:
    card = """\
topic: gens
cards:
  - id: set-order
    kind: output
    code: print(list({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}))
    output: placeholder
"""
    seeded = run_snippet(
        'print(list({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}))',
        hash_seed=1,
    )
    problems = _check(
        tmp_path,
        {"cards/basics/gens.yaml": card.replace("placeholder", json.dumps(seeded.stdout.strip()))},
    )
    assert len(problems) == 1
    assert "PYTHONHASHSEED=2" in problems[0]


def test_cloze_python_that_does_not_parse_when_filled_is_caught(tmp_path: Path) -> None:
    broken = GENS_CARDS.replace("{{c1::yield}} 1", "{{c1::yield}} 1)")
    problems = _check(tmp_path, {"cards/basics/gens.yaml": broken})
    assert problems == [
        "cards/basics/gens.yaml: card keyword: field text: with the blanks filled in, "
        "the code is not valid Python: unmatched ')' (line 2)"
    ]


def test_snippet_that_hangs_is_stopped_at_its_time_limit() -> None:
    run = run_snippet("while True: pass", timeout_s=0.5)
    assert run.returncode is None
    assert run.failure() == "did not finish within 0.5 s"


def test_snippet_gets_a_minimal_environment_and_the_hash_seed_it_asks_for() -> None:
    code = "import os, sys; print(sorted(os.environ)); print(sys.flags.no_user_site, hash('x'))"
    first, again, other = (run_snippet(code, hash_seed=s) for s in (1, 1, 2))
    assert first.ok, first.stderr
    names, flags = first.stdout.splitlines()
    assert "PREP_HOME" not in names and "PYTHONPATH" not in names
    assert flags.split()[0] == "1"
    assert first.stdout == again.stdout != other.stdout


def test_cli_check_exits_nonzero_and_lists_every_problem(tmp_path: Path) -> None:
    files = tiny_files()
    files["cards/basics/gens.yaml"] = GENS_CARDS.replace("      [0, 1] []\n", "      wrong\n")
    files["cards/extras/misc.yaml"] = "topic: misc\ncards: [\n"
    root = write_tree(tmp_path / "content", files)
    result = runner.invoke(app, ["content", "check", "--content", str(root)])
    assert result.exit_code == 1
    assert "cards/basics/gens.yaml: card lazy: field output" in result.output
    assert "cards/extras/misc.yaml: not valid YAML" in result.output
    assert "2 error(s)" in result.output
    assert "Traceback" not in result.output


def test_cli_check_passes_on_good_content(tiny_content: Path) -> None:
    result = runner.invoke(app, ["content", "check", "--content", str(tiny_content)])
    assert result.exit_code == 0, result.output
    assert "content ok" in result.output


def test_all_lessons_and_cards_in_the_repository_pass_the_check() -> None:
    report = check_content(REAL_CONTENT, only_problems=[])  # problems: one test each, below
    assert report.ok, "\n".join(str(d) for d in report.diagnostics)
    assert report.lessons >= 23 and report.cards >= 115


REAL_PROBLEMS = sorted(
    p.name for p in (REAL_CONTENT / "problems").iterdir() if not p.name.startswith(".")
)


REQUIRED_SIGNATURES = {
    "two-sum": "def two_sum(nums: list[int], target: int) -> list[int]",
    "valid-parentheses": "def is_valid(s: str) -> bool",
    "binary-search": "def search(nums: list[int], target: int) -> int",
    "merge-intervals": "def merge(intervals: list[list[int]]) -> list[list[int]]",
    "number-of-islands": "def num_islands(grid: list[list[str]]) -> int",
    "climbing-stairs": "def climb_stairs(n: int) -> int",
    "reverse-linked-list": "def reverse_list(head: ListNode | None) -> ListNode | None",
    "kth-largest-element": "def find_kth_largest(nums: list[int], k: int) -> int",
    "course-schedule": "def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool",
}


def test_the_repository_has_the_problems_the_judge_issue_requires(real_catalog: Catalog) -> None:
    assert len(REAL_PROBLEMS) >= 60
    for slug, signature in REQUIRED_SIGNATURES.items():
        assert real_catalog.problems[slug].spec.signature == signature, slug
    lru = real_catalog.problems["lru-cache"].spec
    assert (lru.kind, lru.class_name) == ("design", "LRUCache")
    assert set(lru.methods) == {
        "def __init__(self, capacity: int)",
        "def get(self, key: int) -> int",
        "def put(self, key: int, value: int) -> None",
    }


@pytest.mark.slow
@pytest.mark.parametrize("slug", REAL_PROBLEMS)
def test_problem_reference_is_accepted_and_bad_solutions_get_their_verdict(
    slug: str, real_catalog: Catalog, judge: Judge
) -> None:
    diagnostics, judged = check_problems([real_catalog.problems[slug]], REAL_CONTENT, judge)
    assert diagnostics == [], "\n".join(str(d) for d in diagnostics)
    assert judged >= 3  # the reference and at least two known-bad solutions


REAL_LABS = sorted(
    lab.name
    for kind in (REAL_CONTENT / "labs").iterdir()
    if kind.is_dir()
    for lab in kind.iterdir()
    if lab.is_dir() and not lab.name.startswith(".")
)


@pytest.mark.slow
@pytest.mark.parametrize("slug", REAL_LABS)
def test_lab_reference_is_accepted_and_bad_solutions_get_their_verdict(
    slug: str, real_catalog: Catalog, judge: Judge
) -> None:
    diagnostics, judged = check_labs([real_catalog.labs[slug]], REAL_CONTENT, judge)
    assert diagnostics == [], "\n".join(str(d) for d in diagnostics)
    assert judged >= 3  # the reference and at least two known-bad solutions


def test_model_answer_examples_are_executed_too(tiny_content: Path) -> None:
    answer = "---\nquestion: q-gens\nshort_answer: s\nkey_points: [k]\n---\n```python\nprint(2 + 2)\n```\n\n```output\n5\n```\n"
    write_tree(tiny_content, {"interview/answers/q-gens.md": answer})
    problems = [str(d) for d in check_content(tiny_content).diagnostics]
    assert len(problems) == 1
    assert problems[0].startswith(
        "interview/answers/q-gens.md: example at line 6: field output: stored output differs"
    )


def test_only_paths_limits_what_is_executed_but_still_validates_everything(
    tiny_content: Path,
) -> None:
    report = check_content(tiny_content, only_paths=["cards/"])
    assert report.ok and report.snippets_run == 2  # the output card under both hash seeds
    (tiny_content / "lessons/basics/gens.md").write_text("no front matter", encoding="utf-8")
    report = check_content(tiny_content, only_paths=["cards/"])
    assert any(d.path == "lessons/basics/gens.md" for d in report.diagnostics)
