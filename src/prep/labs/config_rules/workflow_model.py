"""A GitHub Actions workflow: its triggers, its jobs and how they depend on each other."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from prep.labs.config_rules.base import ConfigError
from prep.labs.config_rules.yaml_tree import Node, load_documents

_TEST_WORDS = frozenset({"pytest", "tox", "nox", "unittest"})
STATUS_FUNCTION = re.compile(r"\b(always|failure|cancelled)\s*\(\s*\)")


@dataclass(frozen=True)
class Job:
    id: str
    node: Node
    line: int

    @property
    def needs(self) -> list[str]:
        needs = self.node.get("needs")
        return needs.texts() if needs is not None else []

    @property
    def steps(self) -> list[Node]:
        steps = self.node.get("steps")
        return steps.maps() if steps is not None else []

    @property
    def environment(self) -> str | None:
        """The deployment environment's name (`environment: production` or `{name: ...}`)."""
        env = self.node.get("environment")
        return None if env is None else env.name()

    @property
    def condition(self) -> str:
        return strip_expression(self.node.text_at("if") or "")

    def lifts_gate(self) -> bool:
        """Its `if:` uses a status function, so it may run when a need failed."""
        return bool(STATUS_FUNCTION.search(self.condition))

    def gating_needs(self) -> list[str]:
        """The needs whose success this job requires (see `Workflow.required`)."""
        if not self.lifts_gate():
            return self.needs
        required = re.findall(r"needs\.([\w-]+)\.result\s*==\s*'success'", self.condition)
        return [n for n in self.needs if n in required]

    def runs_tests(self) -> bool:
        """A step runs a test runner (pytest, tox, nox, unittest, make test)."""
        uses = self.node.text_at("uses") or ""
        if "test" in uses.lower():
            return True
        return any(runs_tests(step.text_at("run") or "") for step in self.steps)

    def deploys(self) -> bool:
        return self.environment is not None or "deploy" in self.id.lower()


@dataclass(frozen=True)
class Workflow:
    root: Node
    jobs: dict[str, Job]

    def upstream(self, job_id: str) -> set[str]:
        """Every job `job_id` needs, directly or through other jobs."""
        seen: set[str] = set()
        todo = list(self.jobs[job_id].needs) if job_id in self.jobs else []
        while todo:
            current = todo.pop()
            if current in seen or current not in self.jobs:
                continue
            seen.add(current)
            todo.extend(self.jobs[current].needs)
        return seen

    def required(self, job_id: str) -> set[str]:
        """The jobs that must have succeeded for `job_id` to run.

        By default a job runs only when all its needs succeeded, which they in turn only do
        when theirs did. A status function in `if:` (always(), failure(), cancelled()) lifts
        that, except for the needs it still requires with `needs.<id>.result == 'success'`.
        """
        seen: set[str] = set()
        todo = [job_id]
        while todo:
            job = self.jobs.get(todo.pop())
            if job is None:
                continue
            for need in job.gating_needs():
                if need in self.jobs and need not in seen:
                    seen.add(need)
                    todo.append(need)
        return seen

    def triggers(self) -> dict[str, Node | None]:
        """Event name -> its filter (None when given without one)."""
        on = self.root.get("on")
        if on is None:
            return {}
        if on.is_map:
            return dict(on.entries())
        return dict.fromkeys(on.texts())


def parse_workflow(text: str) -> Workflow:
    documents = [d for d in load_documents(text) if d is not None]
    if len(documents) != 1:
        raise ConfigError(1, "a workflow is exactly one YAML document")
    root = documents[0]
    if not root.is_map:
        raise ConfigError(root.line, "a workflow must be a mapping (on:, jobs:, ...)")
    jobs_node = root.get("jobs")
    jobs = {}
    if jobs_node is not None:
        for job_id, node in jobs_node.entries():
            jobs[job_id] = Job(job_id, node, jobs_node.key_line(job_id))
    return Workflow(root, jobs)


def strip_expression(text: str) -> str:
    """`${{ expr }}` -> `expr` (an `if:` may be written either way)."""
    text = text.strip()
    if text.startswith("${{") and text.endswith("}}"):
        return text[3:-2].strip()
    return text


def runs_tests(script: str) -> bool:
    words = re.findall(r"[\w.-]+", script)
    pairs = set(itertools.pairwise(words))
    return bool(_TEST_WORDS & set(words)) or ("make", "test") in pairs


def is_production(environment: str | None) -> bool:
    return environment is not None and environment.lower().startswith("prod")


def is_staging(environment: str | None) -> bool:
    return environment is not None and environment.lower().startswith("stag")
