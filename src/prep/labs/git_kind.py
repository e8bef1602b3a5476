"""Git labs: a real repository built by the lab's trusted `setup.py`, judged with git itself.

`prepare` runs `git init` in the workspace, then the lab's `prepare(repo, git)`. Names, emails
and dates are fixed (each git call one minute after the previous one) and no global or system
config is read, so every commit id is the same on every machine and `checks.py` may name
commits and trees by id.

`apply` runs a solution script (reference.sh, bad/*.sh) in the same clean environment.

`grade` runs the lab's `check_<name>(git)` functions. The repository is the candidate's, so
nothing in it may start a program while it is graded:
  - checks may run only read-only built-in subcommands (an alias never shadows a built-in);
  - hooks, fsmonitor, pagers, editors, external diffs, signature programs and credential
    helpers are switched off by config passed as GIT_CONFIG_KEY_n/VALUE_n, which wins over
    .git/config as `git -c` does and takes any key without quoting problems;
  - every filter, diff and merge driver that the repository's config defines (read first with
    `git config --list`, includes and all) is overridden by name, and diff-like commands get
    `--no-ext-diff --no-textconv`;
  - replace refs, grafts and the commit-graph are ignored, so history is read from the commit
    objects themselves; GIT_OPTIONAL_LOCKS=0 keeps `git status` from writing the index.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prep.content.catalog import Lab
from prep.content.lab_models import GitLabSpec, LabCheck
from prep.judge.grading import JudgeError
from prep.judge.service import Judge
from prep.judge.verdicts import ACCEPTED, TIME_LIMIT, WRONG_ANSWER, CaseOutcome, Judgement
from prep.labs.kinds import rejected

#: Who wrote the lab's history, and who the candidate commits as (repo-local config).
AUTHOR = ("Robin Maintainer", "robin@example.com")
CANDIDATE = ("Prep Candidate", "candidate@example.com")
#: 2024-01-01 09:00 UTC; the setup's git calls are one minute apart from there.
EPOCH = 1_704_099_600
STEP_S = 60
#: Solution scripts commit one day after the setup's history.
APPLY_EPOCH = EPOCH + 86_400
SETUP_TIMEOUT_S = 60
APPLY_TIMEOUT_S = 60
#: Reading the repository's config before any check; checks have their own limits.
CONFIG_TIMEOUT_S = 10

#: Config for building the lab's history and running solution scripts.
_AUTHORING = {
    "init.defaultBranch": "main",
    "protocol.allow": "never",
    "commit.gpgSign": "false",
    "tag.gpgSign": "false",
    "core.autocrlf": "false",
    "gc.auto": "0",
    "advice.detachedHead": "false",
}

#: Config that wins over the candidate's .git/config while grading.
_GRADING = {
    "core.hooksPath": os.devnull,
    "core.fsmonitor": "false",
    "core.pager": "cat",
    "core.editor": "true",
    "core.sshCommand": "false",
    "core.askPass": "",
    "core.commitGraph": "false",
    "core.untrackedCache": "false",
    "core.alternateRefsCommand": "",
    "diff.external": "",
    "diff.ignoreSubmodules": "all",
    "status.submoduleSummary": "false",
    "log.showSignature": "false",
    "gpg.program": "false",
    "gpg.openpgp.program": "false",
    "gpg.x509.program": "false",
    "gpg.ssh.program": "false",
    "sequence.editor": "true",
    "credential.helper": "",
    "protocol.allow": "never",
    "gc.auto": "0",
    "maintenance.auto": "false",
    "color.ui": "never",
    "color.diff": "never",
    "color.grep": "never",
    "color.status": "never",
}

#: Subcommands a check may run, with the flags added to each so no driver can run.
_NO_DRIVERS = ("--no-ext-diff", "--no-textconv")
_READ_ONLY: Mapping[str, tuple[str, ...]] = {
    "cat-file": (),
    "rev-parse": (),
    "rev-list": (),
    "ls-tree": (),
    "ls-files": (),
    "merge-base": (),
    "for-each-ref": (),
    "show-ref": (),
    "symbolic-ref": (),
    "diff-tree": _NO_DRIVERS,
    "log": (*_NO_DRIVERS, "--no-show-signature", "--no-mailmap"),
    "show": (*_NO_DRIVERS, "--no-show-signature", "--no-mailmap"),
    "diff": (*_NO_DRIVERS, "--ignore-submodules=all"),
    "status": ("--ignore-submodules=all",),
    "grep": ("--no-textconv",),
}

#: (section, variable) of config keys `<section>.<driver>.<variable>` that name a program.
_DRIVER_KEYS = {
    ("filter", "clean"): "",
    ("filter", "smudge"): "",
    ("filter", "process"): "",
    ("filter", "required"): "false",
    ("diff", "command"): "",
    ("diff", "textconv"): "",
    ("merge", "driver"): "",
}


class GitError(Exception):
    """A git command failed; the message names it and quotes git's error."""


class GitTimeout(GitError):
    """A git command did not finish in time."""


@dataclass(frozen=True)
class _Ran:
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool


class GitKind:
    """A git lab's answer is the repository in the workspace (`answer_file` is None)."""

    def prepare(self, lab: Lab, workspace: Path) -> None:
        workspace.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="prep-git-home-") as home:
            env = _clean_env(Path(home), workspace, _AUTHORING)
            calls = 0

            def git(*args: str, input: str | None = None) -> str:
                nonlocal calls
                when = f"{EPOCH + calls * STEP_S} +0000"
                calls += 1
                name, email = AUTHOR
                dated = env | _identity(name, email, when)
                return _git_or_raise(args, workspace, dated, SETUP_TIMEOUT_S, input)

            try:
                git("init", "--quiet")
                _load(lab, "setup.py")["prepare"](workspace, git)
                for key, value in (
                    ("user.name", CANDIDATE[0]),
                    ("user.email", CANDIDATE[1]),
                    ("gc.auto", "0"),  # never collect the lab's history while it is in use
                ):
                    git("config", key, value)
            except GitError as exc:
                raise JudgeError(f"{lab.slug}: setup.py failed: {exc}") from exc

    def apply(self, lab: Lab, workspace: Path, solution: str) -> None:
        with tempfile.TemporaryDirectory(prefix="prep-git-apply-") as tmp:
            script = Path(tmp) / "solution.sh"
            script.write_text(solution, encoding="utf-8")
            home = Path(tmp) / "home"
            home.mkdir()
            when = f"{APPLY_EPOCH} +0000"
            env = _clean_env(home, workspace, _AUTHORING) | {
                "GIT_AUTHOR_DATE": when,
                "GIT_COMMITTER_DATE": when,
                "PYTHONDONTWRITEBYTECODE": "1",
            }
            ran = _run(["bash", "-euo", "pipefail", str(script)], workspace, env, APPLY_TIMEOUT_S)
        if ran.timed_out:
            raise JudgeError(f"{lab.slug}: the solution script ran over {APPLY_TIMEOUT_S} s")
        if ran.returncode != 0:
            detail = (ran.stderr or ran.stdout).strip()[-2000:]
            raise JudgeError(
                f"{lab.slug}: the solution script failed (exit {ran.returncode}): {detail}"
            )

    def grade(self, lab: Lab, workspace: Path, judge: Judge) -> Judgement:
        spec = lab.spec
        assert isinstance(spec, GitLabSpec)
        not_a_repo = f"{workspace} is not a git repository: run `prep lab {lab.slug}` first"
        if not workspace.is_dir():
            return rejected(f"{not_a_repo} (the folder does not exist)")
        if not (workspace / ".git").is_dir():
            return rejected(not_a_repo)
        with tempfile.TemporaryDirectory(prefix="prep-git-grade-") as home:
            try:
                git = _GradingGit.open(workspace, Path(home))
            except GitTimeout:
                message = (
                    f"git could not open {workspace} within {CONFIG_TIMEOUT_S} s"
                    " (does .git/config include a file that never ends?)"
                )
                return rejected(message, TIME_LIMIT)
            except GitError as exc:
                return rejected(f"{not_a_repo} ({exc})")
            checks = _load(lab, "checks.py")
            outcomes = []
            for check in spec.checks:
                limit_ms = check.time_limit_ms or spec.time_limit_ms
                try:
                    outcomes.append(_run_check(checks[f"check_{check.name}"], git, check, limit_ms))
                except Exception as exc:  # a bug in the lab's checks.py, not a user mistake
                    message = f"{lab.slug}: check_{check.name} crashed: {exc!r}"
                    raise JudgeError(message) from exc
        failed = [o for o in outcomes if o.verdict != ACCEPTED]
        verdict = ACCEPTED if not failed else WRONG_ANSWER
        return Judgement(
            verdict,
            tuple(outcomes),
            sum(o.time_ms or 0.0 for o in outcomes),
            0,
            _summary(outcomes, failed),
            extra={"failed_checks": [o.name for o in failed]},
        )


class _GradingGit:
    """`git(*args) -> stdout` over an untrusted repository; raises GitError on failure."""

    def __init__(self, workspace: Path, env: dict[str, str]) -> None:
        self.workspace = workspace
        self.env = env
        self.deadline = time.monotonic() + CONFIG_TIMEOUT_S

    @classmethod
    def open(cls, workspace: Path, home: Path) -> _GradingGit:
        git_dir = workspace / ".git"
        env = _clean_env(home, workspace, _GRADING) | {
            "GIT_DIR": str(git_dir),
            "GIT_WORK_TREE": str(workspace),
            "GIT_NO_REPLACE_OBJECTS": "1",
            "GIT_GRAFT_FILE": str(home / "no-grafts"),
            "GIT_OPTIONAL_LOCKS": "0",
            "GIT_PAGER": "cat",
        }
        probe = cls(workspace, env)
        probe("rev-parse", "--git-dir")
        keys = probe._config_keys()
        overrides = _GRADING | _driver_overrides(keys)
        return cls(workspace, env | _config_env(overrides))

    def _config_keys(self) -> list[str]:
        ran = self._run(("config", "--list", "-z", "--name-only"), ())
        if ran.timed_out:
            raise GitTimeout("`git config --list` did not finish in time")
        if ran.returncode not in (0, 1):  # 1: no config at all
            raise GitError(f"git cannot read the repository's config: {ran.stderr.strip()}")
        return [k for k in ran.stdout.split("\0") if k]

    def __call__(self, *args: str) -> str:
        if not args or args[0] not in _READ_ONLY:
            allowed = ", ".join(sorted(_READ_ONLY))
            raise ValueError(f"checks may run only these git subcommands: {allowed}")
        ran = self._run(args, _READ_ONLY[args[0]])
        if ran.timed_out:
            raise GitTimeout(f"`git {' '.join(args)}` did not finish in time")
        if ran.returncode != 0:
            raise GitError(f"`git {' '.join(args)}` failed: {ran.stderr.strip()[:500]}")
        return ran.stdout

    def _run(self, args: tuple[str, ...], added: tuple[str, ...]) -> _Ran:
        command = ["git", "--no-pager", args[0], *added, *args[1:]]
        remaining = max(0.001, self.deadline - time.monotonic())
        return _run(command, self.workspace, self.env, remaining)


def _run_check(
    function: Callable[[_GradingGit], None], git: _GradingGit, check: LabCheck, limit_ms: int
) -> CaseOutcome:
    """One check as a case; its assertion message and the check's `why` are the feedback."""
    why = check.why.strip()
    started = time.perf_counter()
    git.deadline = time.monotonic() + limit_ms / 1000
    verdict, message = ACCEPTED, None
    try:
        function(git)
    except AssertionError as exc:
        verdict, message = WRONG_ANSWER, f"{str(exc) or 'the check failed'} — {why}"
    except GitTimeout as exc:
        verdict, message = TIME_LIMIT, f"{exc} (limit {limit_ms} ms) — {why}"
    except GitError as exc:
        verdict, message = WRONG_ANSWER, f"{exc} — {why}"
    elapsed = (time.perf_counter() - started) * 1000
    return CaseOutcome(check.name, verdict, elapsed, True, message)


def _summary(outcomes: list[CaseOutcome], failed: list[CaseOutcome]) -> str:
    if not failed:
        return f"accepted: all {len(outcomes)} checks passed"
    first = failed[0]
    passed = len(outcomes) - len(failed)
    return f"wrong answer on check {first.name} ({passed}/{len(outcomes)} passed): {first.message}"


def _driver_overrides(keys: Iterable[str]) -> dict[str, str]:
    """Switch off every filter, diff and merge driver the repository's config defines."""
    out = {}
    for key in keys:
        section, _, rest = key.partition(".")
        driver, _, variable = rest.rpartition(".")
        value = _DRIVER_KEYS.get((section.lower(), variable.lower()))
        if driver and value is not None:
            out[key] = value
        elif section.lower() == "pager":
            out[key] = "false"
    return out


def _clean_env(home: Path, workspace: Path, config: Mapping[str, str]) -> dict[str, str]:
    """No inherited variables but PATH; no global or system config; no prompts."""
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CEILING_DIRECTORIES": str(workspace.resolve().parent),
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_EDITOR": "true",
        "GIT_PAGER": "cat",
        "PAGER": "cat",
        **_config_env(config),
    }


def _config_env(config: Mapping[str, str]) -> dict[str, str]:
    """Config as GIT_CONFIG_KEY_n/VALUE_n: above every config file, and any key is safe."""
    out = {"GIT_CONFIG_COUNT": str(len(config))}
    for i, (key, value) in enumerate(config.items()):
        out[f"GIT_CONFIG_KEY_{i}"] = key
        out[f"GIT_CONFIG_VALUE_{i}"] = value
    return out


def _identity(name: str, email: str, when: str) -> dict[str, str]:
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_COMMITTER_DATE": when,
    }


def _git_or_raise(
    args: tuple[str, ...], cwd: Path, env: dict[str, str], timeout: float, input: str | None
) -> str:
    ran = _run(["git", *args], cwd, env, timeout, input)
    if ran.timed_out:
        raise GitError(f"`git {' '.join(args)}` ran over {timeout:.0f} s")
    if ran.returncode != 0:
        raise GitError(f"`git {' '.join(args)}` failed: {ran.stderr.strip()}")
    return ran.stdout


def _run(
    command: list[str], cwd: Path, env: dict[str, str], timeout: float, input: str | None = None
) -> _Ran:
    """Run in a new session so a timeout kills every process the command started."""
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as process:
        try:
            out, err = process.communicate(
                input.encode() if input is not None else None, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return _Ran(-signal.SIGKILL, "", "", True)
    return _Ran(
        process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), False
    )


def _load(lab: Lab, file: str) -> dict[str, Any]:
    """Execute one of the lab's trusted Python files and return its namespace."""
    namespace: dict[str, Any] = {"__name__": f"prep_lab_{lab.slug.replace('-', '_')}"}
    exec(compile(lab.files[file], str(lab.path / file), "exec"), namespace)
    return namespace
