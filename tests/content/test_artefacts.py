"""Configuration shown in lessons is parsed and validated by the tools' own schemas."""

from __future__ import annotations

from pathlib import Path

import pytest

from prep.content.artefacts import check_artefact, load_yaml_documents
from prep.content.check import check_content
from prep.content.documents import Example, extract_examples
from tests.conftest import LESSON, tiny_files, write_tree

DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.4.2
          ports: [{containerPort: 8000}]
"""

WORKFLOW = """\
name: ci
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pytest -q
"""

DOCKERFILE = """\
FROM python:3.12-slim AS build
RUN pip wheel --wheel-dir /wheels fastapi
FROM python:3.12-slim
COPY --from=build /wheels /wheels
USER 10001
CMD ["uvicorn", "app:app"]
"""


def _block(language: str, code: str, schema: str | None = None) -> Example:
    return Example(code, None, 1, runs=True, language=language, schema=schema)


def test_valid_artefacts_of_every_language_pass() -> None:
    policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}'
    blocks = [
        _block("yaml", DEPLOYMENT, "k8s"),
        _block("yaml", WORKFLOW, "github-actions"),
        _block("yaml", "test:\n  stage: test\n  script: [pytest]\n", "gitlab-ci"),
        _block("yaml", "services:\n  web:\n    image: nginx:1.27\n", "compose"),
        _block("json", policy, "iam-policy"),
        _block("dockerfile", DOCKERFILE),
        _block("hcl", 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n'),
        _block("toml", "[tool.ruff]\nline-length = 100\n"),
    ]
    assert [check_artefact(b) for b in blocks] == [None] * len(blocks)


@pytest.mark.parametrize(
    ("language", "schema", "code", "reason"),
    [
        ("yaml", None, "a: [1, 2\n", "not valid YAML"),
        ("yaml", "k8s", DEPLOYMENT.replace("image:", "imagee:"), "'imagee' was unexpected"),
        ("yaml", None, DEPLOYMENT.replace("apps/v1", "extensions/v1beta1"), "not an API of"),
        (
            "yaml",
            None,
            DEPLOYMENT.replace("labels: {app: api}", "labels: {app: web}"),
            "does not match",
        ),
        ("yaml", "github-actions", WORKFLOW.replace("runs-on", "runs_on"), "github-workflows"),
        ("yaml", "compose", "services:\n  web:\n    imag: nginx\n", "compose-spec"),
        ("json", "iam-policy", '{"Version": "2012-10-17", "Statement": []}', "Statement"),
        (
            "json",
            "iam-policy",
            '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*"}}',
            "needs Resource",
        ),
        ("dockerfile", None, "RUN echo hi\nFROM python:3.12\n", "before the first FROM"),
        ("dockerfile", None, DOCKERFILE.replace("--from=build", "--from=builder"), "no earlier"),
        ("dockerfile", None, "FROM python:3.12\nRUNN echo\n", "unknown instruction RUNN"),
        ("hcl", None, 'resource "a" "b" {\n', "not valid HCL"),
        ("toml", None, "a = \n", "not valid TOML"),
        ("yaml", "kubernetes-ish", "a: 1\n", "unknown schema"),
    ],
)
def test_invalid_artefacts_are_caught_with_a_reason(
    language: str, schema: str | None, code: str, reason: str
) -> None:
    problem = check_artefact(_block(language, code, schema))
    assert problem is not None and reason in problem, problem


def test_workflow_keys_follow_yaml_1_2_so_on_stays_a_string() -> None:
    [document] = load_yaml_documents(WORKFLOW + "env:\n  DEBUG: no\n")
    assert "on" in document and document["env"]["DEBUG"] == "no"


def test_fence_words_choose_the_schema_and_opt_out() -> None:
    body = "```yaml k8s\na: 1\n```\n\n```yaml no-check\n{{ .Values }}\n```\n\n```Dockerfile\nFROM x\n```\n"
    examples = extract_examples(body)
    assert [(e.language, e.schema, e.runs) for e in examples] == [
        ("yaml", "k8s", True),
        ("yaml", None, False),
        ("dockerfile", None, True),
    ]
    assert check_artefact(examples[1]) is None  # a template fragment is shown, not validated


def test_content_check_reports_a_broken_manifest_by_file_and_line(tmp_path: Path) -> None:
    lesson = LESSON + "\n```yaml k8s\n" + DEPLOYMENT.replace("containers:", "containerz:") + "```\n"
    root = write_tree(tmp_path / "content", tiny_files() | {"lessons/basics/gens.md": lesson})
    problems = [str(d) for d in check_content(root).diagnostics]
    assert len(problems) == 1
    assert problems[0].startswith("lessons/basics/gens.md: example at line")
    assert "Deployment: 'containers' is a required property (at spec.template.spec)" in problems[0]
