"""Schemas of hands-on labs: content/labs/<kind>/<slug>/.

Every lab folder holds `lab.yaml` (one of the specs below, chosen by `kind`), `task.md`, a
`starter/` folder copied into the candidate's workspace, a reference solution and known-bad
solutions with the verdict each must get. What else a folder holds depends on the kind:

- python, concurrency, fastapi: `checks.py`, trusted code that exercises the candidate's module
  inside the sandbox; one function `check_<name>(solution)` per declared check.
- sql: nothing else; the query runs on the sample database (content/sql/sample.sql).
- testing: `mutants/<name>.py`, wrong versions of the module under test.
- config: nothing else; the declared rules come from prep's rule engine.
- git: `setup.py` (builds the repository) and `checks.py` (inspects it with git); solutions are
  shell scripts of git commands.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from prep.content.models import Difficulty, Slug, Strict, Text

LAB_KINDS = ("python", "concurrency", "sql", "testing", "fastapi", "config", "git")
LabKind = Literal["python", "concurrency", "sql", "testing", "fastapi", "config", "git"]

#: What a known-bad lab solution may be declared to get.
LabRejection = Literal["wrong_answer", "time_limit", "runtime_error", "compile_error"]

FileName = Annotated[str, Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$", max_length=80)]
CheckName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class LabBad(Strict):
    """A known-wrong solution: the file under `bad/`, the verdict it must get, and why."""

    file: FileName
    verdict: LabRejection
    why: Text
    #: config labs: the rule ids this solution must break (exactly these fail).
    rules: tuple[str, ...] = ()
    #: testing labs: the mutants this (weak) test file must leave alive.
    survivors: tuple[str, ...] = ()


class LabCheck(Strict):
    """One graded check; `why` says what it proves, and is shown when it fails."""

    name: CheckName
    why: Text
    time_limit_ms: int | None = Field(default=None, ge=10, le=20_000)


class LabBase(Strict):
    title: Text
    difficulty: Difficulty
    topics: tuple[Slug, ...] = Field(min_length=1)
    #: What the candidate hands in, a file in the workspace (git labs hand in the repository).
    answer_file: FileName | None = None
    time_limit_ms: int = Field(default=2000, ge=10, le=20_000)
    bad: tuple[LabBad, ...] = Field(min_length=1)


class ProbeLabSpec(LabBase):
    """Python, concurrency and FastAPI labs: trusted checks call into the candidate's module."""

    kind: Literal["python", "concurrency", "fastapi"]
    #: Always solution.py: the sandbox names the candidate's frames in tracebacks by it.
    answer_file: Literal["solution.py"] = "solution.py"
    checks: tuple[LabCheck, ...] = Field(min_length=3)
    memory_limit_mb: int = Field(default=256, ge=16, le=2048)

    @model_validator(mode="after")
    def _unique(self) -> ProbeLabSpec:
        _no_duplicates([c.name for c in self.checks], "checks")
        return self


class SqlLabSpec(LabBase):
    kind: Literal["sql"]
    answer_file: FileName = "query.sql"
    #: Compare rows in order: only when the task asks for ORDER BY.
    ordered: bool = False
    #: Compare column names too (case-insensitively), when the task names the columns.
    match_columns: bool = True


class Mutant(Strict):
    name: CheckName
    #: What the mutant changes, shown to the candidate when their tests let it live.
    why: Text


class TestingLabSpec(LabBase):
    kind: Literal["testing"]
    answer_file: FileName = "test_solution.py"
    #: The module under test, a file of starter/ (and of every mutant, by the same name).
    module: FileName
    mutants: tuple[Mutant, ...] = Field(min_length=3)
    min_tests: int = Field(default=3, ge=1)

    @model_validator(mode="after")
    def _unique(self) -> TestingLabSpec:
        _no_duplicates([m.name for m in self.mutants], "mutants")
        return self


class ConfigLabSpec(LabBase):
    kind: Literal["config"]
    answer_file: FileName
    #: What the answer file is, which decides how it is parsed.
    format: Literal[
        "dockerfile", "kubernetes", "github-actions", "gitlab-ci", "compose", "terraform"
    ]
    #: Rule ids of prep's deployment-config rule engine that the answer must satisfy.
    rules: tuple[str, ...] = Field(min_length=3)


class GitLabSpec(LabBase):
    kind: Literal["git"]
    answer_file: None = None
    checks: tuple[LabCheck, ...] = Field(min_length=2)


LabSpec = ProbeLabSpec | SqlLabSpec | TestingLabSpec | ConfigLabSpec | GitLabSpec

#: The schema of each kind's lab.yaml.
SPEC_BY_KIND: dict[str, type[LabSpec]] = {
    "python": ProbeLabSpec,
    "concurrency": ProbeLabSpec,
    "fastapi": ProbeLabSpec,
    "sql": SqlLabSpec,
    "testing": TestingLabSpec,
    "config": ConfigLabSpec,
    "git": GitLabSpec,
}


def _no_duplicates(names: list[str], field: str) -> None:
    seen = {n for n in names if names.count(n) > 1}
    if seen:
        raise ValueError(f"duplicate {field}: {', '.join(sorted(seen))}")
