"""GitLab CI rules: stage order, deploys gated on tests, a manual production gate, secrets."""

from __future__ import annotations

import re

from prep.labs.config_rules.base import Finding, parser, rule
from prep.labs.config_rules.expressions import restricts
from prep.labs.config_rules.pipeline_model import Job, Pipeline, parse_pipeline
from prep.labs.config_rules.secret_values import secret_in_value, secret_literal
from prep.labs.config_rules.workflow_model import is_production, is_staging
from prep.labs.config_rules.yaml_tree import Node

parser("gitlab-ci")(parse_pipeline)

_BRANCH_VARS = ("$CI_COMMIT_BRANCH", "$CI_COMMIT_REF_NAME")
_DEFAULT = ("$CI_DEFAULT_BRANCH", "'main'", "'master'")


@rule(
    "gitlab.stages-order",
    "gitlab-ci",
    "stages run tests before anything is built for release or deployed",
    """GitLab runs stages in the order `stages:` lists them. Building and pushing the release
    image before the tests have passed publishes artifacts of untested code (and pays for
    builds that are thrown away); deploying in a stage before the tests is worse. The usual
    order is test -> build -> deploy, and every job must use a declared stage.""",
)
def _stages_order(doc: Pipeline) -> list[Finding]:
    findings = []
    for job in doc.jobs.values():
        if job.stage not in doc.stages:
            findings.append(
                Finding(
                    job.node.key_line("stage"),
                    f"job {job.id} uses stage {job.stage!r}, which stages: does not list",
                    "add the stage to stages: (or fix its name)",
                )
            )
    tests = [job for job in doc.jobs.values() if job.runs_tests()]
    if not tests:
        return [*findings, Finding(1, "no job runs the tests", "add a test job running pytest")]
    last_test = max(doc.stage_index(job) for job in tests)
    for job in doc.jobs.values():
        if job in tests or not (job.deploys() or job.builds_image()):
            continue
        if doc.stage_index(job) <= last_test:
            what = "deploys" if job.deploys() else "builds the release image"
            findings.append(
                Finding(
                    job.line,
                    f"job {job.id} {what} in stage {job.stage!r}, which does not come after "
                    "the test stage",
                    "order stages: test, build, deploy",
                )
            )
    return findings


@rule(
    "gitlab.deploy-needs-tests",
    "gitlab-ci",
    "every deploy job depends on the tests, through needs: or the stage order, and tests "
    "can fail it",
    """`needs:` replaces the stage order for a job: a deploy job with `needs: []` or needs that
    skip the test job starts at once, in parallel with the tests. And a test job with
    `allow_failure: true` lets the pipeline carry on when tests fail, as does a deploy with
    `when: always`. The tests only gate the deploy when the deploy cannot start without them
    and a failure stops it.""",
)
def _deploy_needs_tests(doc: Pipeline) -> list[Finding]:
    tests = {job.id for job in doc.jobs.values() if job.runs_tests()}
    deploys = [job for job in doc.jobs.values() if job.deploys() and job.id not in tests]
    findings = []
    if not tests:
        findings.append(Finding(1, "no job runs the tests", "add a test job running pytest"))
    if not deploys:
        findings.append(Finding(1, "no job deploys", "add the deploy jobs"))
    for job in deploys:
        if tests and not doc.upstream(job.id) & tests:
            needs = job.needs
            if needs == []:
                detail = "needs: [] starts it at once"
            elif needs:
                detail = f"neither its needs ({', '.join(needs)}) nor theirs wait for them"
            else:
                detail = "no test job runs in an earlier stage"
            findings.append(
                Finding(
                    job.node.key_line("needs") if needs is not None else job.line,
                    f"deploy job {job.id} does not depend on the tests ({detail})",
                    "add the test job (or a job that needs it) to needs:",
                )
            )
        if job.node.text_at("when") in ("always", "on_failure"):
            findings.append(
                Finding(
                    job.node.key_line("when"),
                    f"deploy job {job.id} has when: {job.node.text_at('when')}, so it runs "
                    "after failed tests",
                    "remove it (the default, on_success, is the gate)",
                )
            )
    for test_id in sorted(tests):
        test = doc.jobs[test_id]
        if test.node.text_at("allow_failure") == "true":
            findings.append(
                Finding(
                    test.node.key_line("allow_failure"),
                    f"test job {test_id} has allow_failure: true, so failing tests do not stop "
                    "the pipeline",
                    "remove allow_failure from the tests",
                )
            )
    return findings


@rule(
    "gitlab.manual-production",
    "gitlab-ci",
    "the production deploy can only run on the default branch, and the rule that lets it run "
    "says when: manual",
    """Deploying to production should be a deliberate act by someone who can, on a commit that
    has been merged. `when: manual` turns the job into a button (protected environments then
    decide who may press it), and rules: that only match the default branch keep feature
    branches and merge requests from ever offering that button. A rule without an if: (or a
    final catch-all rule) matches every pipeline and undoes the restriction.""",
)
def _manual_production(doc: Pipeline) -> list[Finding]:
    production = [job for job in doc.jobs.values() if is_production(job.environment)]
    if not production:
        return [Finding(1, "no job deploys to the production environment", _PRODUCTION_FIX)]
    findings = []
    for job in production:
        restricted, manual = _production_gate(job)
        if not restricted:
            findings.append(
                Finding(
                    job.node.key_line("rules") if job.node.get("rules") else job.line,
                    f"production job {job.id} can run on any branch",
                    "add rules: - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH",
                )
            )
        if not manual:
            findings.append(
                Finding(
                    job.line,
                    f"production job {job.id} runs automatically",
                    "make it when: manual (in its rule)",
                )
            )
    return findings


_PRODUCTION_FIX = "add a deploy job with environment: production"


def _production_gate(job: Job) -> tuple[bool, bool]:
    """(runs only on the default branch, is manual wherever it can run)."""
    job_when = job.node.text_at("when")
    rules = job.node.get("rules")
    if rules is None:
        only = job.node.get("only")
        refs = (only.get("refs") if only is not None and only.is_map else only) or Node([], 0)
        restricted = bool(refs.texts()) and set(refs.texts()) <= {"main", "master"}
        return restricted, job_when == "manual"
    restricted, manual = True, True
    others_excluded = False  # an earlier `when: never` rule caught every other branch
    for entry in rules.items():
        condition = entry.text_at("if")
        when = entry.text_at("when") or "on_success"  # a rule's own when; not the job's
        if when == "never":
            if condition and _excludes_other_branches(condition):
                others_excluded = True
            continue
        manual = manual and when == "manual"
        on_default = bool(condition) and restricts(condition or "", _default_branch)
        restricted = restricted and (others_excluded or on_default)
    return restricted, manual


def _normal(term: str) -> str:
    return re.sub(r"\$\{(\w+)\}", r"$\1", " ".join(term.split()).replace('"', "'"))


def _default_branch(term: str) -> bool:
    term = _normal(term)
    return any(
        term in (f"{var} == {default}", f"{default} == {var}")
        for var in _BRANCH_VARS
        for default in _DEFAULT
    )


def _excludes_other_branches(condition: str) -> bool:
    term = _normal(condition)
    return any(
        term in (f"{var} != {default}", f"{default} != {var}")
        for var in _BRANCH_VARS
        for default in _DEFAULT
    )


@rule(
    "gitlab.promotion-path",
    "gitlab-ci",
    "the production deploy waits for the staging deploy, through needs: or a later stage",
    """Staging exists to prove a build before production gets it. If the production job can
    start without the staging job having succeeded (both in one stage with no needs between
    them, or needs that skip staging), the same pipeline can ship to production a build that
    has just failed to deploy to staging. Making production depend on staging puts every
    release through the same gate in the same order.""",
)
def _promotion_path(doc: Pipeline) -> list[Finding]:
    staging = {job.id for job in doc.jobs.values() if is_staging(job.environment)}
    production = [job for job in doc.jobs.values() if is_production(job.environment)]
    if not staging:
        return [Finding(1, "no job deploys to a staging environment", _PROMOTION_FIX)]
    if not production:
        return [Finding(1, "no job deploys to the production environment", _PROMOTION_FIX)]
    return [
        Finding(
            job.node.key_line("needs") if job.needs is not None else job.line,
            f"production job {job.id} does not wait for the staging deploy "
            f"({', '.join(sorted(staging))})",
            "add the staging job to its needs: (or put it in a later stage)",
        )
        for job in production
        if not doc.upstream(job.id) & staging
    ]


_PROMOTION_FIX = "deploy to environment staging first, and to production after it"


@rule(
    "gitlab.environment",
    "gitlab-ci",
    "every deploy job names the environment it deploys to",
    """An environment: on a deploy job is what GitLab tracks deployments by: it records which
    commit runs where, offers a one-click redeploy of the previous deployment as a rollback,
    and lets protected environments restrict who may deploy and which variables the job sees.
    A deploy job without one is invisible to all of that.""",
)
def _environment(doc: Pipeline) -> list[Finding]:
    deploys = [job for job in doc.jobs.values() if job.deploys() and not job.runs_tests()]
    if not deploys:
        return [Finding(1, "no job deploys", "add the deploy jobs with environment:")]
    return [
        Finding(
            job.line,
            f"deploy job {job.id} sets no environment",
            "add environment: {name: staging} or {name: production}",
        )
        for job in deploys
        if not job.environment
    ]


@rule(
    "gitlab.no-literal-secrets",
    "gitlab-ci",
    "variables: hold no passwords or tokens; those come from masked CI/CD variables",
    """.gitlab-ci.yml is part of the repository, visible to everyone who can read the code and
    kept for ever in its history. Secrets belong in the project's CI/CD variables, marked
    masked and protected (so only pipelines on protected branches see them), or in an external
    vault; the file refers to them as $NAME. Variables of a job that starts service containers
    configure those throwaway services (a test database's password) and are exempt unless
    they look like real credentials.""",
)
def _no_literal_secrets(doc: Pipeline) -> list[Finding]:
    findings: list[Finding] = []
    sections = [(doc.root.get("variables"), True)] + [
        (job.node.get("variables"), job.node.get("services") is None) for job in doc.jobs.values()
    ]
    for variables, by_name in sections:
        for name, value in (variables or Node({}, 0)).entries():
            text = value.text_at("value") if value.is_map else value.text()
            if not text:
                continue
            held = secret_in_value(text)
            if by_name and secret_literal(name, text) and "$" not in text:
                held = held or "a secret written as a literal"
            if held:
                findings.append(
                    Finding(
                        value.line,
                        f"variable {name} holds {held}",
                        "define it as a masked, protected CI/CD variable and use $NAME",
                    )
                )
    return findings
