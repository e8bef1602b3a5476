"""Git labs: a real repository per lab, solution scripts applied to it, and grading that reads
it with git without ever running a program the candidate's repository names."""

from __future__ import annotations

import dataclasses
import functools
import os
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from prep.content.catalog import Catalog, Lab
from prep.content.lab_models import LabCheck
from prep.content.loader import load_catalog
from prep.judge.grading import JudgeError
from prep.judge.service import Judge
from prep.judge.verdicts import Judgement
from prep.labs import git_kind
from prep.labs.content_check import judge_solution
from prep.labs.git_kind import GitKind
from tests.conftest import REAL_CONTENT

MERGE = "git-resolve-merge-conflict"
SLUGS = (
    MERGE,
    "git-recover-lost-commit",
    "git-bisect-regression",
    "git-cherry-pick-hotfix",
    "git-squash-feature-branch",
    "git-reword-commit",
)


@functools.cache
def _catalog() -> Catalog:
    return load_catalog(REAL_CONTENT).require()


def _git_labs() -> list[Lab]:
    return [lab for lab in _catalog().labs.values() if lab.kind == "git"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return _catalog()


@pytest.fixture
def merged(catalog: Catalog, tmp_path: Path) -> Iterator[tuple[Lab, Path]]:
    """The merge lab's workspace with the reference solution applied."""
    lab = catalog.labs[MERGE]
    workspace = tmp_path / "workspace"
    GitKind().prepare(lab, workspace)
    GitKind().apply(lab, workspace, lab.reference)
    yield lab, workspace


def _plain_git(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """git as a candidate's shell runs it: the repository's config applies in full."""
    env = {"PATH": os.environ["PATH"], "HOME": str(workspace), "GIT_CONFIG_NOSYSTEM": "1"}
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    return subprocess.run(
        ["git", *args], cwd=workspace, env=env, capture_output=True, text=True, check=False
    )


def _failed(judgement: Judgement) -> list[str]:
    return list(judgement.extra["failed_checks"])


def test_there_are_six_git_labs_covering_the_git_topics() -> None:
    labs = {lab.slug: lab for lab in _git_labs()}
    assert set(SLUGS) <= set(labs)
    topics = {topic for lab in labs.values() for topic in lab.spec.topics}
    assert {
        "git-merge-conflicts",
        "git-rebase-vs-merge",
        "git-branching",
        "git-workflows",
        "git-pull-requests",
    } <= topics
    assert all(lab.spec.answer_file is None and not lab.starter for lab in labs.values())


@pytest.mark.parametrize("lab", _git_labs(), ids=lambda lab: lab.slug)
def test_the_reference_script_is_accepted(lab: Lab, judge: Judge) -> None:
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message
    assert judgement.message == f"accepted: all {len(lab.spec.checks)} checks passed"
    assert [case.name for case in judgement.cases] == [check.name for check in lab.spec.checks]


@pytest.mark.parametrize(
    ("lab", "bad"),
    [(lab, bad) for lab in _git_labs() for bad in lab.spec.bad],
    ids=lambda value: getattr(value, "slug", None) or value.file,
)
def test_each_known_bad_script_fails_a_named_check_with_its_reason(
    lab: Lab, bad: Any, judge: Judge
) -> None:
    judgement = judge_solution(lab, lab.bad[bad.file], judge)
    assert judgement.verdict == bad.verdict, judgement.message
    failed = _failed(judgement)
    assert failed
    whys = {check.name: check.why.strip() for check in lab.spec.checks}
    for case in judgement.cases:
        if case.name in failed:
            assert case.sample
            assert case.message is not None
            assert case.message.endswith(whys[case.name])
    assert judgement.message.startswith(f"wrong answer on check {failed[0]} ")


def test_taking_theirs_names_the_lost_origin(catalog: Catalog, judge: Judge) -> None:
    lab = catalog.labs[MERGE]
    judgement = judge_solution(lab, lab.bad["take_theirs.sh"], judge)
    assert judgement.verdict == "wrong_answer"
    assert _failed(judgement) == ["both_sides_kept"]
    assert "ALLOWED_ORIGINS holds ['https://app.example.com', 'https://partners.example.com']" in (
        judgement.message
    )
    assert "https://admin.example.com" in judgement.message


def test_an_unfinished_merge_fails_with_the_unmerged_paths_named(
    catalog: Catalog, judge: Judge
) -> None:
    lab = catalog.labs[MERGE]
    judgement = judge_solution(lab, "git merge feature/partner-api || true\n", judge)
    assert judgement.verdict == "wrong_answer"
    assert _failed(judgement) == ["merge_commit", "both_sides_kept", "nothing_left_over"]
    leftover = next(c for c in judgement.cases if c.name == "nothing_left_over")
    assert leftover.message is not None
    assert leftover.message.startswith(
        "these paths are still unmerged: CHANGELOG.md, orders/settings.py, requirements.txt"
    )


def test_the_prepared_history_is_the_same_on_every_run(catalog: Catalog, tmp_path: Path) -> None:
    lab = catalog.labs["git-bisect-regression"]
    tips = []
    for name in ("one", "two"):
        GitKind().prepare(lab, tmp_path / name)
        tips.append(_plain_git(tmp_path / name, "rev-parse", "main", "v1.0").stdout)
    assert tips[0] == tips[1]
    assert _plain_git(tmp_path / "one", "config", "user.name").stdout == "Prep Candidate\n"


def test_an_empty_folder_is_not_a_repository(
    catalog: Catalog, judge: Judge, tmp_path: Path
) -> None:
    judgement = GitKind().grade(catalog.labs[MERGE], tmp_path, judge)
    assert judgement.verdict == "compile_error"
    assert judgement.message == (
        f"{tmp_path} is not a git repository: run `prep lab {MERGE}` first"
    )
    assert judgement.cases == ()


def test_a_deleted_workspace_is_not_a_repository(
    catalog: Catalog, judge: Judge, tmp_path: Path
) -> None:
    lab = catalog.labs[MERGE]
    workspace = tmp_path / "workspace"
    GitKind().prepare(lab, workspace)
    shutil.rmtree(workspace)
    judgement = GitKind().grade(lab, workspace, judge)
    assert judgement.verdict == "compile_error"
    assert judgement.message.startswith(
        f"{workspace} is not a git repository: run `prep lab {MERGE}` first"
    )
    assert "does not exist" in judgement.message


def test_a_folder_inside_another_repository_is_not_graded_as_that_repository(
    merged: tuple[Lab, Path], judge: Judge
) -> None:
    lab, outer = merged
    inner = outer / "orders"  # a folder of an accepted repository, without a .git of its own
    judgement = GitKind().grade(lab, inner, judge)
    assert judgement.verdict == "compile_error"
    assert "is not a git repository" in judgement.message


def test_a_broken_git_folder_is_not_a_repository(
    merged: tuple[Lab, Path], judge: Judge, tmp_path: Path
) -> None:
    lab, _ = merged
    broken = tmp_path / "broken"
    (broken / ".git").mkdir(parents=True)
    judgement = GitKind().grade(lab, broken, judge)
    assert judgement.verdict == "compile_error"
    assert "not a git repository" in judgement.message


HOSTILE_CONFIG = """\
[core]
\tfsmonitor = touch {m}/fsmonitor #
\thooksPath = {m}/hooks
\tpager = touch {m}/pager; cat
\tsshCommand = touch {m}/ssh #
\teditor = touch {m}/editor #
[alias]
\tstatus = !touch {m}/alias-status
\tlog = !touch {m}/alias-log
\tcat-file = !touch {m}/alias-cat-file
[diff]
\texternal = touch {m}/diff-external #
[pager]
\tlog = touch {m}/pager-log; cat
\tstatus = touch {m}/pager-status; cat
[filter "evil"]
\tclean = touch {m}/filter-clean; cat
\tsmudge = touch {m}/filter-smudge; cat
\trequired = true
[diff "evil"]
\ttextconv = touch {m}/textconv; cat
\tcommand = touch {m}/diff-command #
[merge "evil"]
\tdriver = touch {m}/merge-driver #
[credential]
\thelper = !touch {m}/credential #
"""

#: A lab whose checks use every porcelain command graders might reach for.
NOSY_CHECKS = """\
def check_reads_everything(git):
    git("status", "--porcelain")
    git("diff", "HEAD~1", "HEAD")
    git("diff", "HEAD")
    git("log", "-p", "-2")
    git("show", "HEAD", "HEAD:orders/settings.py")
    git("diff-tree", "-p", "HEAD~1", "HEAD")
    git("grep", "-n", "-e", "origin", "HEAD")
"""


def _booby_trap(workspace: Path, markers: Path) -> None:
    """Every config knob that makes git run a program, each touching its own marker file."""
    markers.mkdir()
    hooks = markers / "hooks"
    hooks.mkdir()
    for hook in ("post-index-change", "reference-transaction", "post-checkout", "pre-commit"):
        script = hooks / hook
        script.write_text(f"#!/bin/sh\ntouch {markers}/hook-{hook}\n", encoding="utf-8")
        script.chmod(0o755)
    with (workspace / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write(HOSTILE_CONFIG.format(m=markers))
    (workspace / ".gitattributes").write_text("* filter=evil diff=evil merge=evil\n")
    for path in (workspace / "orders" / "settings.py", workspace / "requirements.txt"):
        os.utime(path, (2_000_000_000, 2_000_000_000))  # stat data changed: git re-reads them


def test_grading_runs_nothing_the_repository_config_names(
    merged: tuple[Lab, Path], judge: Judge, tmp_path: Path
) -> None:
    lab, workspace = merged
    markers = tmp_path / "markers"
    _booby_trap(workspace, markers)
    nosy = dataclasses.replace(
        lab,
        spec=lab.spec.model_copy(
            update={"checks": (LabCheck(name="reads_everything", why="reads"),)}
        ),
        files=MappingProxyType({**lab.files, "checks.py": NOSY_CHECKS}),
    )

    judgement = GitKind().grade(lab, workspace, judge)
    nosy_judgement = GitKind().grade(nosy, workspace, judge)

    assert sorted(p.name for p in markers.iterdir()) == ["hooks"]
    assert judgement.verdict == "accepted", judgement.message
    assert nosy_judgement.verdict == "accepted", nosy_judgement.message
    # The trap is real: the same repository runs the programs for a plain `git status`.
    _plain_git(workspace, "status")
    assert {"fsmonitor", "filter-clean"} <= {p.name for p in markers.iterdir()}


def test_a_config_include_that_never_ends_is_cut_off(
    merged: tuple[Lab, Path], judge: Judge, monkeypatch: pytest.MonkeyPatch
) -> None:
    lab, workspace = merged
    fifo = workspace / ".git" / "endless"
    os.mkfifo(fifo)
    with (workspace / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write(f"[include]\n\tpath = {fifo}\n")
    monkeypatch.setattr(git_kind, "CONFIG_TIMEOUT_S", 1)
    judgement = GitKind().grade(lab, workspace, judge)
    assert judgement.verdict == "time_limit"
    assert "could not open" in judgement.message


def test_checks_may_only_read(merged: tuple[Lab, Path], judge: Judge) -> None:
    lab, workspace = merged
    pushy = dataclasses.replace(
        lab,
        spec=lab.spec.model_copy(update={"checks": (LabCheck(name="pushes", why="writes"),)}),
        files=MappingProxyType(
            {**lab.files, "checks.py": 'def check_pushes(git):\n    git("push")\n'}
        ),
    )
    with pytest.raises(JudgeError, match="checks may run only these git subcommands"):
        GitKind().grade(pushy, workspace, judge)


def test_a_failing_solution_script_is_a_content_error(catalog: Catalog) -> None:
    lab = catalog.labs[MERGE]
    with tempfile.TemporaryDirectory() as tmp:
        GitKind().prepare(lab, Path(tmp))
        script = textwrap.dedent("""\
            git switch no-such-branch
            echo never reached
        """)
        with pytest.raises(JudgeError, match="the solution script failed"):
            GitKind().apply(lab, Path(tmp), script)
