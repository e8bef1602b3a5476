"""Deployment-config labs: right, wrong and hostile config files, judged by the rule engine
the way `prep submit` judges them."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from prep.content.catalog import Catalog, Lab
from prep.content.lab_models import ConfigLabSpec
from prep.content.loader import load_catalog
from prep.judge.grading import JudgeError
from prep.judge.service import Judge
from prep.labs.config_kind import MAX_ANSWER_BYTES, ConfigKind
from prep.labs.config_rules.engine import unknown_rules
from prep.labs.content_check import judge_solution
from tests.conftest import REAL_CONTENT

HARDEN = "dockerfile-harden-fastapi"
DEPLOYMENT = "k8s-deployment-service"
GATED = "gha-test-gated-deploy"
COMPOSE = "compose-local-stack"

#: The config labs by folder, read without loading the catalog so that collection never fails.
SLUGS = sorted(p.name for p in (REAL_CONTENT / "labs" / "config").iterdir() if p.is_dir())

ALIAS_BOMB = "\n".join(
    [
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata: {name: lol}",
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]"
            for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "data: {x: *i}",
    ]
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REAL_CONTENT).require()


def _spec(lab: Lab) -> ConfigLabSpec:
    assert isinstance(lab.spec, ConfigLabSpec)
    return lab.spec


def test_there_are_twelve_config_labs_across_the_formats(catalog: Catalog) -> None:
    labs = [lab for lab in catalog.labs.values() if lab.kind == "config"]
    assert sorted(lab.slug for lab in labs) == SLUGS
    assert len(labs) >= 12
    formats = Counter(_spec(lab).format for lab in labs)
    assert formats["dockerfile"] >= 3
    assert formats["kubernetes"] >= 4
    assert formats["github-actions"] >= 2
    assert formats["gitlab-ci"] >= 1
    assert formats["compose"] >= 1
    topics = {topic for lab in labs for topic in lab.spec.topics}
    assert {"docker-multi-stage", "k8s-hpa", "k8s-ingress", "cicd-release-strategies"} <= topics


@pytest.mark.parametrize("slug", SLUGS)
def test_every_declared_rule_exists_for_the_labs_format(catalog: Catalog, slug: str) -> None:
    spec = _spec(catalog.labs[slug])
    assert unknown_rules(spec.format, spec.rules) == []
    for bad in spec.bad:
        assert set(bad.rules) <= set(spec.rules), bad.file


@pytest.mark.parametrize("slug", SLUGS)
def test_the_reference_passes_every_rule(catalog: Catalog, judge: Judge, slug: str) -> None:
    lab = catalog.labs[slug]
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message
    assert [c.name for c in judgement.cases] == list(_spec(lab).rules)
    assert judgement.extra["failed_rules"] == []
    assert all(rule["ok"] for rule in judgement.extra["rules"])


@pytest.mark.parametrize("slug", SLUGS)
def test_each_known_bad_file_breaks_exactly_its_declared_rules(
    catalog: Catalog, judge: Judge, slug: str
) -> None:
    lab = catalog.labs[slug]
    for bad in _spec(lab).bad:
        judgement = judge_solution(lab, lab.bad[bad.file], judge)
        assert judgement.verdict == bad.verdict, bad.file
        assert sorted(judgement.extra["failed_rules"]) == sorted(bad.rules), bad.file
        for case in judgement.cases:
            if case.verdict == "wrong_answer":
                assert case.message is not None
                assert re.match(r"line \d+: ", case.message), case.message


@pytest.mark.parametrize("slug", SLUGS)
def test_the_starter_is_not_yet_an_answer(catalog: Catalog, judge: Judge, slug: str) -> None:
    lab = catalog.labs[slug]
    starter = lab.starter[_spec(lab).answer_file]
    assert judge_solution(lab, starter, judge).verdict == "wrong_answer"


def test_a_root_user_is_reported_with_its_rule_and_line(catalog: Catalog, judge: Judge) -> None:
    lab = catalog.labs[HARDEN]
    answer = lab.reference.replace("USER app\n", "USER root\n")
    line = answer.splitlines().index("USER root") + 1
    judgement = judge_solution(lab, answer, judge)
    assert judgement.verdict == "wrong_answer"
    assert judgement.message == "1 of 6 rules failed: docker.non-root-user"
    failed = judgement.first_failure
    assert failed is not None
    assert failed.name == "docker.non-root-user"
    assert failed.message is not None
    assert failed.message.startswith(f"line {line}: the last USER of the final stage is root;")


def test_the_json_verdict_lists_every_rule(catalog: Catalog, judge: Judge) -> None:
    lab = catalog.labs[DEPLOYMENT]
    answer = lab.reference.replace("app: orders-api\n  ports:", "app: orders\n  ports:")
    data = judge_solution(lab, answer, judge).to_json()
    assert data["verdict"] == "wrong_answer"
    assert data["failed_rules"] == ["k8s.service-selector"]
    by_id = {rule["id"]: rule for rule in data["rules"]}
    assert set(by_id) == set(_spec(lab).rules)
    failing = by_id["k8s.service-selector"]
    assert failing["ok"] is False
    assert failing["line"] == answer.splitlines().index("    app: orders") + 1
    assert "no workload's pods carry those labels" in failing["message"]
    assert "endpoints" in failing["why"]
    assert by_id["k8s.probes"] == {
        "id": "k8s.probes",
        "ok": True,
        "line": None,
        "message": None,
        "why": by_id["k8s.probes"]["why"],
    }


def test_a_deploy_that_skips_the_tests_names_the_job(catalog: Catalog, judge: Judge) -> None:
    lab = catalog.labs[GATED]
    answer = lab.reference.replace("  build:\n    needs: test\n", "  build:\n")
    judgement = judge_solution(lab, answer, judge)
    assert judgement.extra["failed_rules"] == ["gha.tests-gate-deploy"]
    failed = judgement.first_failure
    assert failed is not None and failed.message is not None
    staging = answer.splitlines().index("  deploy-staging:") + 1
    assert failed.message.startswith(f"line {staging}: deploy job deploy-staging does not need")


VENV_MULTI_STAGE = """\
FROM python:3.12-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install --no-cache-dir -r /tmp/requirements.txt

FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 \\
    && useradd --system app
COPY --from=build /opt/venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
COPY --chown=app app /app/app
USER app:app
ENTRYPOINT ["uvicorn"]
CMD ["app.main:app", "--host", "0.0.0.0", "--port", "8000"]
"""


def _one_step_deploy(reference: str) -> str:
    return reference.replace(
        """      - name: Deploy
        run: kubectl set image deployment/orders-api orders-api="$IMAGE"
      - name: Wait for the rollout
        run: kubectl rollout status deployment/orders-api --timeout=5m
      - name: Smoke test
        run: curl --fail --silent --retry 5 --retry-delay 3 https://orders.example.com/healthz""",
        """      - name: Deploy and verify
        run: |
          kubectl set image deployment/orders-api orders-api="$IMAGE"
          kubectl rollout status deployment/orders-api --timeout=5m
          curl -fsS https://orders.example.com/healthz""",
    )


def _only_main(reference: str) -> str:
    return reference.replace(
        "  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n      when: manual",
        "  only: [main]\n  when: manual",
    )


@pytest.mark.parametrize(
    ("slug", "rewrite"),
    [
        pytest.param("dockerfile-multi-stage", lambda _: VENV_MULTI_STAGE, id="virtualenv"),
        pytest.param(GATED, _one_step_deploy, id="deploy-and-check-in-one-step"),
        pytest.param("gitlab-manual-production", _only_main, id="only-main"),
    ],
)
def test_other_right_answers_are_accepted_too(
    catalog: Catalog, judge: Judge, slug: str, rewrite: Callable[[str], str]
) -> None:
    lab = catalog.labs[slug]
    answer = rewrite(lab.reference)
    assert answer != lab.reference
    judgement = judge_solution(lab, answer, judge)
    assert judgement.verdict == "accepted", judgement.extra["rules"]


# --- hostile files ------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_without_expanding_it(catalog: Catalog, judge: Judge) -> None:
    judgement = judge_solution(catalog.labs[DEPLOYMENT], ALIAS_BOMB, judge)
    assert judgement.verdict == "compile_error"
    assert "expands to more than" in judgement.message
    assert judgement.extra["failed_rules"] == []


def test_python_tags_are_refused_not_constructed(
    catalog: Catalog, judge: Judge, tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    answer = f"services:\n  api:\n    image: !!python/object/apply:os.system ['touch {marker}']\n"
    judgement = judge_solution(catalog.labs[COMPOSE], answer, judge)
    assert judgement.verdict == "compile_error"
    assert judgement.message.startswith("line 3: the tag !!python/object/apply:os.system")
    assert not marker.exists()


def test_a_ten_megabyte_file_is_refused_before_it_is_read(
    catalog: Catalog, judge: Judge, tmp_path: Path
) -> None:
    lab = catalog.labs[HARDEN]
    kind = ConfigKind()
    kind.prepare(lab, tmp_path)
    (tmp_path / "Dockerfile").write_bytes(b"FROM python:3.12-slim\n" + b"#" * 10_000_000)
    judgement = kind.grade(lab, tmp_path, judge)
    assert judgement.verdict == "compile_error"
    assert f"limited to {MAX_ANSWER_BYTES}" in judgement.message
    direct = kind.grade_answer(lab, "FROM x:1\n" + "#" * MAX_ANSWER_BYTES, judge)
    assert direct.verdict == "compile_error"


def test_a_file_that_never_ends_is_not_read(catalog: Catalog, judge: Judge, tmp_path: Path) -> None:
    lab = catalog.labs[HARDEN]
    kind = ConfigKind()
    kind.prepare(lab, tmp_path)
    answer = tmp_path / "Dockerfile"
    answer.unlink()
    answer.symlink_to("/dev/zero")
    judgement = kind.grade(lab, tmp_path, judge)
    assert judgement.verdict == "compile_error"
    assert "not a regular file" in judgement.message


def test_a_binary_file_is_refused(catalog: Catalog, judge: Judge, tmp_path: Path) -> None:
    lab = catalog.labs[HARDEN]
    kind = ConfigKind()
    kind.prepare(lab, tmp_path)
    (tmp_path / "Dockerfile").write_bytes(bytes(range(256)) * 4)
    assert kind.grade(lab, tmp_path, judge).verdict == "compile_error"
    text = "FROM python:3.12-slim\nRUN true\x00\x01\n"
    judgement = judge_solution(lab, text, judge)
    assert judgement.verdict == "compile_error"
    assert judgement.message.startswith("line 2: control character #x00")


def test_a_lab_declaring_an_unknown_rule_is_a_judge_error(catalog: Catalog, judge: Judge) -> None:
    lab = catalog.labs[HARDEN]
    spec = _spec(lab).model_copy(update={"rules": (*_spec(lab).rules, "k8s.probes")})
    broken = dataclasses.replace(lab, spec=spec)
    with pytest.raises(JudgeError, match=r"k8s\.probes"):
        judge_solution(broken, lab.reference, judge)
