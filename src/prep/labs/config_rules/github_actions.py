"""GitHub Actions rules: structure, pinned actions, secrets and token permissions."""

from __future__ import annotations

import re

from prep.labs.config_rules.base import Finding, parser, rule
from prep.labs.config_rules.images import unpinned
from prep.labs.config_rules.secret_values import secret_in_value, secret_literal
from prep.labs.config_rules.workflow_model import (
    Job,
    Workflow,
    parse_workflow,
)
from prep.labs.config_rules.yaml_tree import Node

parser("github-actions")(parse_workflow)

_TOP_KEYS = frozenset(
    {"name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"}
)
_JOB_KEYS = frozenset(
    {"name", "permissions", "needs", "if", "runs-on", "environment", "concurrency", "outputs"}
    | {"env", "defaults", "steps", "timeout-minutes", "strategy", "continue-on-error"}
    | {"container", "services", "uses", "with", "secrets"}
)
_STEP_KEYS = frozenset(
    {"id", "if", "name", "uses", "run", "working-directory", "shell", "with", "env"}
    | {"continue-on-error", "timeout-minutes"}
)
_SHA = re.compile(r"[0-9a-f]{40}")
_VERSION = re.compile(r"v?[0-9]+(\.[0-9]+){0,2}([-+][0-9A-Za-z.-]+)?")
_SECRET_SECTIONS = frozenset({"env", "with", "secrets"})


@rule(
    "gha.structure",
    "github-actions",
    "the workflow has triggers and jobs, each job a runner and steps, and needs name real jobs",
    """GitHub only reports many workflow mistakes when the workflow is triggered, and then as
    a failed run with a terse annotation: a misspelt key (`need:` for `needs:`) is an error, a
    job without runs-on never starts, a step with both uses and run is rejected, a `needs` that
    names a missing job invalidates the whole file. Checking the structure first saves a
    commit-push-wait cycle per typo.""",
)
def _structure(doc: Workflow) -> list[Finding]:
    root = doc.root
    findings = []
    if root.get("on") is None:
        findings.append(Finding(1, "the workflow has no on: triggers", "add on: (push, ...)"))
    for key in root.value if isinstance(root.value, dict) else {}:
        if key not in _TOP_KEYS:
            findings.append(
                Finding(root.key_line(key), f"unknown top-level key {key!r}", _KEYS_FIX)
            )
    if not doc.jobs:
        line = root.key_line("jobs")
        return [*findings, Finding(line, "the workflow defines no jobs", "add jobs:")]
    for job in doc.jobs.values():
        findings += _job_structure(doc, job)
    cycle = _cycle(doc)
    if cycle:
        findings.append(
            Finding(
                doc.jobs[cycle[0]].line,
                f"jobs need each other in a cycle: {' -> '.join(cycle)}",
                "remove one of the needs",
            )
        )
    return findings


_KEYS_FIX = "check the spelling against the workflow syntax reference"


def _job_structure(doc: Workflow, job: Job) -> list[Finding]:
    if not job.node.is_map:
        return [Finding(job.line, f"job {job.id} is not a mapping", "give it runs-on and steps")]
    findings = []
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", job.id):
        findings.append(Finding(job.line, f"job id {job.id!r} is not valid", "use letters, -, _"))
    for key, _ in job.node.entries():
        if key not in _JOB_KEYS:
            findings.append(
                Finding(job.node.key_line(key), f"job {job.id}: unknown key {key!r}", _KEYS_FIX)
            )
    if job.node.get("uses") is None:
        if job.node.get("runs-on") is None:
            findings.append(Finding(job.line, f"job {job.id} has no runs-on", "add runs-on"))
        if not job.steps:
            findings.append(Finding(job.line, f"job {job.id} has no steps", "add steps"))
    for step in job.steps:
        uses, run = step.get("uses"), step.get("run")
        if (uses is None) == (run is None):
            findings.append(
                Finding(
                    step.line,
                    f"a step of job {job.id} must have exactly one of uses: and run:",
                    "split it into two steps",
                )
            )
        for key, _ in step.entries():
            if key not in _STEP_KEYS:
                findings.append(
                    Finding(
                        step.key_line(key), f"job {job.id}: unknown step key {key!r}", _KEYS_FIX
                    )
                )
    for need in job.needs:
        if need not in doc.jobs:
            findings.append(
                Finding(
                    job.node.key_line("needs"),
                    f"job {job.id} needs {need!r}, which is not a job of this workflow",
                    "name an existing job id",
                )
            )
    return findings


def _cycle(doc: Workflow) -> list[str]:
    for job_id in doc.jobs:
        if job_id in doc.upstream(job_id):
            return [job_id, *sorted(doc.upstream(job_id) & _downstream(doc, job_id)), job_id]
    return []


def _downstream(doc: Workflow, job_id: str) -> set[str]:
    return {other for other in doc.jobs if job_id in doc.upstream(other)}


@rule(
    "gha.actions-versioned",
    "github-actions",
    "every action is referenced at a release (a version tag like v4 or a commit SHA), "
    "never a branch",
    """`uses: owner/action@main` runs whatever that branch holds when the job starts: a bad
    commit upstream breaks your pipeline without any change on your side, and a compromised
    repository runs its code with your secrets. A release tag is the minimum; this rule
    accepts references shaped like versions (v4, v4.2.1) or full commit SHAs, since from the
    file alone a branch named like a version cannot be told from a tag. The stricter
    gha.actions-pinned-sha rule requires the SHA.""",
)
def _actions_versioned(doc: Workflow) -> list[Finding]:
    return [f for line, ref in _uses(doc) if (f := _check_ref(line, ref, strict=False))]


@rule(
    "gha.actions-pinned-sha",
    "github-actions",
    "every third-party action and reusable workflow is pinned to a full 40-character commit SHA",
    """Tags are mutable: whoever controls an action's repository can move v4 to a different
    commit, and that has been used in real supply-chain attacks to steal CI secrets from every
    workflow that trusted the tag. A full commit SHA cannot be moved. Keep the version in a
    comment (`@<sha> # v4.2.2`) so people and Dependabot can still see and update it. Local
    actions (./...) are exempt; docker:// actions need an image digest.""",
)
def _actions_pinned_sha(doc: Workflow) -> list[Finding]:
    return [f for line, ref in _uses(doc) if (f := _check_ref(line, ref, strict=True))]


def _uses(doc: Workflow) -> list[tuple[int, str]]:
    out = []
    for job in doc.jobs.values():
        uses = job.node.get("uses")
        if uses is not None and uses.text():
            out.append((uses.line, uses.text() or ""))
        for step in job.steps:
            node = step.get("uses")
            if node is not None and node.text():
                out.append((node.line, node.text() or ""))
    return out


def _check_ref(line: int, uses: str, strict: bool) -> Finding | None:
    if uses.startswith("./"):
        return None
    if uses.startswith("docker://"):
        image = uses.removeprefix("docker://")
        problem = unpinned(image)
        if strict and "@sha256:" not in image:
            problem = problem or f"{image!r} is pinned by tag, not by digest"
        if problem:
            return Finding(line, f"the action image {problem}", "pin it with @sha256:<digest>")
        return None
    action, at, ref = uses.partition("@")
    if not at or not ref:
        return Finding(line, f"{uses} names no version", "append @<commit sha> # <version>")
    if _SHA.fullmatch(ref):
        return None
    if strict:
        return Finding(
            line,
            f"{action}@{ref} is pinned to a movable ref, not a commit SHA",
            f"pin the full commit SHA of that release: {action}@<40-char sha> # {ref}",
        )
    if _VERSION.fullmatch(ref):
        return None
    return Finding(
        line,
        f"{action}@{ref} follows a branch (or another moving ref), not a release",
        "use a release tag such as @v4, or better a commit SHA",
    )


@rule(
    "gha.no-literal-secrets",
    "github-actions",
    "credentials reach steps as ${{ secrets.NAME }}, never as literals in the workflow",
    """A workflow file is readable by everyone with read access to the repository, forks
    included, and its history keeps every value ever committed. A token or password typed into
    env: or with: is leaked the moment it is pushed. Store it as an encrypted (environment)
    secret and reference it with ${{ secrets.NAME }}; GitHub then also masks it in logs. The
    settings of a job's throwaway service containers (a test database's password) are exempt
    unless they look like real credentials.""",
)
def _no_literal_secrets(doc: Workflow) -> list[Finding]:
    findings: list[Finding] = []
    _walk_secrets(doc.root, "", findings, by_name=True)
    return findings


def _walk_secrets(node: Node, section: str, findings: list[Finding], by_name: bool) -> None:
    """Report literal secrets; `by_name` is off inside a job's throwaway service containers
    (a test database's POSTGRES_PASSWORD), where only real credential formats count."""
    for key, child in node.entries():
        text = child.text()
        if text is not None:
            held = secret_in_value(text) if "${{" not in text else None
            named = by_name and section in _SECRET_SECTIONS and secret_literal(key, text)
            if named and "${{" not in text:
                held = held or "a secret written as a literal"
            if held:
                findings.append(
                    Finding(
                        child.line,
                        f"{key} holds {held}",
                        "store it as a repository or environment secret and use "
                        "${{ secrets.NAME }}",
                    )
                )
        _walk_secrets(child, key, findings, by_name and key != "services")
    for item in node.items():
        _walk_secrets(item, section, findings, by_name)


@rule(
    "gha.least-privilege",
    "github-actions",
    "the workflow sets read-only default permissions; jobs add only the writes they need",
    """Every job gets a GITHUB_TOKEN, and without a permissions: block it has the repository's
    default scopes, which on many repositories means write access to code, packages and
    releases. A compromised dependency in a test job can then push to main. Declaring
    `permissions: contents: read` at the top and granting writes (packages, id-token,
    deployments) only to the jobs that need them limits what any one job can do.""",
)
def _least_privilege(doc: Workflow) -> list[Finding]:
    findings = []
    top = doc.root.get("permissions")
    if top is None:
        findings.append(
            Finding(
                1,
                "the workflow sets no top-level permissions:, so every job gets the "
                "repository's default token scopes",
                "add permissions: {contents: read} at the top",
            )
        )
    elif top.text() == "write-all" or any(v.text() == "write" for _, v in top.entries()):
        findings.append(
            Finding(
                top.line,
                "the top-level permissions grant write access to every job",
                "keep the top level read-only and grant writes in the jobs that need them",
            )
        )
    for job in doc.jobs.values():
        permissions = job.node.get("permissions")
        if permissions is not None and permissions.text() == "write-all":
            findings.append(
                Finding(
                    permissions.line,
                    f"job {job.id} asks for write-all",
                    "list only the scopes the job needs (e.g. packages: write)",
                )
            )
    return findings
