"""GitHub Actions rules about deploying: gated on tests, promoted through staging, protected
and reversible production."""

from __future__ import annotations

import re
from collections.abc import Callable

from prep.labs.config_rules.base import Finding, rule
from prep.labs.config_rules.expressions import restricts
from prep.labs.config_rules.workflow_model import (
    Job,
    Workflow,
    is_production,
    is_staging,
    strip_expression,
)
from prep.labs.config_rules.yaml_tree import Node

_MAIN_REFS = ("refs/heads/main", "refs/heads/master")


@rule(
    "gha.tests-gate-deploy",
    "github-actions",
    "every deploy job needs the test job (directly or through other jobs), and tests can fail it",
    """Jobs without `needs` run in parallel, so a deploy job that does not need the test job
    ships code whether the tests pass or not, or before they finish. The gate is only real if
    failure propagates: `continue-on-error: true` on the tests, or an `if: always()` on the
    way to the deploy, lets a red test run still deploy.""",
)
def _tests_gate_deploy(doc: Workflow) -> list[Finding]:
    tests = {job.id for job in doc.jobs.values() if job.runs_tests()}
    deploys = [job for job in doc.jobs.values() if job.deploys() and job.id not in tests]
    jobs_line = doc.root.key_line("jobs")
    findings = []
    if not tests:
        findings.append(Finding(jobs_line, "no job runs the tests", "add a job that runs pytest"))
    if not deploys:
        findings.append(Finding(jobs_line, "no job deploys", "add the deploy job(s)"))
    for job in deploys:
        if not tests or doc.required(job.id) & tests:
            continue
        lifted = [
            other
            for other in [job.id, *sorted(doc.upstream(job.id))]
            if doc.jobs[other].lifts_gate()
        ]
        if lifted:
            other = doc.jobs[lifted[0]]
            findings.append(
                Finding(
                    other.node.key_line("if"),
                    f"job {other.id} has if: {other.condition}, so {job.id} can run even when "
                    "the tests fail",
                    "drop always()/failure()/cancelled(), or also require "
                    "needs.<job>.result == 'success'",
                )
            )
        else:
            findings.append(
                Finding(
                    job.line,
                    f"deploy job {job.id} does not need the tests ({', '.join(sorted(tests))}), "
                    "so it runs whether they pass or not",
                    f"add needs: so {job.id} waits for the test job (directly or via build)",
                )
            )
    for test_id in sorted(tests):
        test = doc.jobs[test_id]
        lenient = [test.node, *test.steps]
        for node in lenient:
            if node.text_at("continue-on-error") == "true":
                findings.append(
                    Finding(
                        node.key_line("continue-on-error"),
                        f"continue-on-error in test job {test_id} lets failing tests pass",
                        "remove continue-on-error from the tests",
                    )
                )
    return findings


@rule(
    "gha.protected-production",
    "github-actions",
    "the production deploy runs in the production environment, and only from main or a tag",
    """An `environment: production` is what lets the repository require reviewers, restrict
    who can deploy and scope the production secrets to that one job. The workflow must also
    make sure the job can only run for the main branch (or release tags): otherwise any branch
    or pull request that triggers the workflow can reach production. Branch rules configured
    on the environment in the repository settings are invisible to this file, so the
    restriction is required here: an `if:` on github.ref on the job (or on a job it needs,
    when nothing on the way uses always()), or triggers that only fire for main or tags.""",
)
def _protected_production(doc: Workflow) -> list[Finding]:
    production = [job for job in doc.jobs.values() if is_production(job.environment)]
    if not production:
        named = [job for job in doc.jobs.values() if "prod" in job.id.lower()]
        line = named[0].line if named else doc.root.key_line("jobs")
        problem = (
            f"job {named[0].id} deploys to production without environment: production"
            if named
            else "no job deploys with environment: production"
        )
        return [Finding(line, problem, "set environment: production on the production job")]
    findings = []
    triggers_ok = _triggers_restricted(doc)
    for job in production:
        if triggers_ok or _job_restricted(doc, job):
            continue
        findings.append(
            Finding(
                job.line,
                f"production job {job.id} can run from any branch or pull request that "
                "triggers this workflow",
                "add if: github.ref == 'refs/heads/main' (or startsWith(github.ref, "
                "'refs/tags/')) to the job",
            )
        )
    return findings


def _job_restricted(doc: Workflow, job: Job) -> bool:
    """The job's own `if:` restricts the ref, or so does a job whose success it requires."""
    chain = [job.id, *doc.required(job.id)]
    return any(restricts(doc.jobs[j].condition, _ref_restriction) for j in chain)


def _ref_restriction(term: str) -> bool:
    for ref in _MAIN_REFS:
        if term in (f"github.ref == '{ref}'", f"'{ref}' == github.ref"):
            return True
        name = ref.rsplit("/", 1)[1]
        if term in (f"github.ref_name == '{name}'", f"'{name}' == github.ref_name"):
            return True
    return bool(
        re.fullmatch(r"startsWith\(github\.ref, ?'refs/tags/[^']*'\)", term)
        or term in ("github.ref_type == 'tag'", "'tag' == github.ref_type")
    )


def _triggers_restricted(doc: Workflow) -> bool:
    """True when every trigger can only start the workflow for main or a tag."""
    triggers = doc.triggers()
    if not triggers:
        return False
    for event, spec in triggers.items():
        if event in ("release", "schedule"):
            continue
        if event != "push" or spec is None:
            return False
        branches = spec.get("branches")
        tags = spec.get("tags")
        if branches is None and tags is None:
            return False
        if branches is not None and not set(branches.texts()) <= {"main", "master"}:
            return False
    return True


@rule(
    "gha.promotion-path",
    "github-actions",
    "production is deployed only after staging: the production job needs the staging job",
    """Promotion means the exact build that ran in staging is the one that goes to
    production, after staging has proved it. If the production job does not need the staging
    job, both deploy in parallel and staging proves nothing. The path test -> staging ->
    production makes every release pass through the same gates in the same order.""",
)
def _promotion_path(doc: Workflow) -> list[Finding]:
    staging = [job for job in doc.jobs.values() if is_staging(job.environment)]
    production = [job for job in doc.jobs.values() if is_production(job.environment)]
    line = doc.root.key_line("jobs")
    if not staging:
        return [Finding(line, "no job deploys to a staging environment", _STAGING_FIX)]
    if not production:
        return [Finding(line, "no job deploys to the production environment", _STAGING_FIX)]
    ids = {job.id for job in staging}
    return [
        Finding(
            job.line,
            f"production job {job.id} does not need the staging deploy ({', '.join(sorted(ids))})",
            f"add needs: [{sorted(ids)[0]}] so production waits for staging",
        )
        for job in production
        if not doc.upstream(job.id) & ids
    ]


_STAGING_FIX = "deploy to environment: staging first, and production after it"


@rule(
    "gha.rollback-on-failure",
    "github-actions",
    "the production job verifies the rollout and rolls back when a later step fails",
    """A deploy step that returns 0 only means the request was accepted. The production job
    should wait for the rollout and check the service (kubectl rollout status, a smoke test
    with curl --fail), and a final step with if: failure() should undo the release (kubectl
    rollout undo, helm rollback) so a bad version is not left serving traffic while someone is
    paged. The rule recognises those commands in run: steps.""",
)
def _rollback_on_failure(doc: Workflow) -> list[Finding]:
    production = [job for job in doc.jobs.values() if is_production(job.environment)]
    if not production:
        line = doc.root.key_line("jobs")
        return [Finding(line, "no job deploys to production", "add the production job")]
    findings = []
    for job in production:
        scripts = [(step, step.text_at("run") or "") for step in job.steps]
        deploy = _first(scripts, _is_deploy_command, 0)
        if deploy is None:
            findings.append(
                Finding(job.line, f"production job {job.id} has no deploy step", _DEPLOY_FIX)
            )
            continue
        # A check may follow the deploy command in the same script (the step then fails).
        deploy_text = _words(scripts[deploy][1])
        match = _DEPLOY.search(deploy_text)
        after = deploy_text[match.end() :] if match else ""
        same_step = _is_verification(job.steps[deploy], after)
        verify = deploy if same_step else _first(scripts, _is_verification, deploy + 1)
        rollback = _first(scripts, _is_rollback, deploy + 1)
        if verify is None:
            findings.append(
                Finding(
                    job.steps[deploy].line,
                    f"production job {job.id} never checks the rollout after deploying",
                    "add a step running kubectl rollout status or a curl --fail smoke test",
                )
            )
        if rollback is None or (verify is not None and rollback <= verify):
            findings.append(
                Finding(
                    job.steps[deploy].line,
                    f"production job {job.id} has no rollback step after its checks",
                    "add a last step with if: failure() that runs kubectl rollout undo",
                )
            )
    return findings


_DEPLOY_FIX = "deploy with kubectl (apply / set image) or helm upgrade in a run: step"


def _first(
    scripts: list[tuple[Node, str]], test: Callable[[Node, str], bool], start: int
) -> int | None:
    for index in range(start, len(scripts)):
        step, script = scripts[index]
        if test(step, script):
            return index
    return None


def _words(script: str) -> str:
    return " ".join(script.split())


_DEPLOY = re.compile(r"kubectl (apply|set image|rollout restart)|helm upgrade")


def _is_deploy_command(step: Node, script: str) -> bool:
    return bool(_DEPLOY.search(_words(script)))


def _is_verification(step: Node, script: str) -> bool:
    text = _words(script)
    return bool(
        re.search(r"kubectl rollout status|helm test", text)
        or re.search(r"\bcurl\b[^|;&]*(--fail|\s-[a-zA-Z]*f)", text)
    )


def _is_rollback(step: Node, script: str) -> bool:
    condition = strip_expression(step.text_at("if") or "")
    text = _words(script)
    return bool(re.search(r"\bfailure\(\)", condition)) and bool(
        re.search(r"kubectl rollout undo|helm rollback", text)
    )
