"""The deployment-config rules one by one, on small inline files.

Each case is a file and the lines a rule must report: a line ending in `# <-` is expected
in the findings (the marker is removed before parsing), and a case without markers must
pass. Every rule has at least one passing and one failing case.
"""

from __future__ import annotations

import textwrap

import pytest

from prep.labs.config_rules.base import PARSERS, RULES, ConfigError
from prep.labs.config_rules.engine import evaluate
from prep.labs.config_rules.expressions import restricts
from prep.labs.config_rules.images import unpinned
from prep.labs.config_rules.kubernetes_model import quantity
from prep.labs.config_rules.secret_values import looks_secret, secret_in_value
from prep.labs.config_rules.yaml_tree import Node, load_documents

MARK = "# <-"


def _split(text: str) -> tuple[str, list[int]]:
    """The file without markers, and the 1-based lines that carried one."""
    lines = textwrap.dedent(text).strip("\n").split("\n")
    marked = [n for n, line in enumerate(lines, 1) if line.rstrip().endswith(MARK)]
    clean = [line.rstrip().removesuffix(MARK).rstrip() if MARK in line else line for line in lines]
    return "\n".join(clean) + "\n", marked


def _found_lines(rule_id: str, text: str) -> list[int]:
    rule = RULES[rule_id]
    return sorted({f.line for f in rule.check(PARSERS[rule.format](text))})


# --- Dockerfile ------------------------------------------------------------------------------

SLIM_APP = """\
FROM python:3.12-slim
RUN useradd --create-home app
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
USER app
HEALTHCHECK CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/healthz')"]
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
"""

DOCKER = [
    ("docker.pinned-base-image", "version tag", SLIM_APP),
    ("docker.pinned-base-image", "digest", "FROM python@sha256:" + "ab" * 32),
    ("docker.pinned-base-image", "stage reference", "FROM python:3.12 AS base\nFROM base"),
    ("docker.pinned-base-image", "arg default", "ARG PY=3.12\nFROM python:${PY}-slim"),
    ("docker.pinned-base-image", "no tag", "FROM python:3.12 AS build\nFROM python # <-"),
    ("docker.pinned-base-image", "latest", "FROM python:latest # <-"),
    ("docker.pinned-base-image", "registry port is no tag", "FROM registry:5000/team/app # <-"),
    ("docker.pinned-base-image", "arg without default", "ARG PY\nFROM python:${PY} # <-"),
    (
        "docker.multi-stage",
        "builder and runtime",
        """\
        FROM python:3.12-slim AS builder
        RUN apt-get update && apt-get install -y --no-install-recommends build-essential
        RUN pip wheel --wheel-dir /wheels -r requirements.txt
        FROM python:3.12-slim
        COPY --from=builder /wheels /wheels
        """,
    ),
    ("docker.multi-stage", "one stage", "FROM python:3.12-slim # <-\nRUN pip install x"),
    (
        "docker.multi-stage",
        "final copies nothing",
        "FROM python:3.12 AS builder\nRUN make\nFROM python:3.12-slim # <-\nCOPY . .",
    ),
    (
        "docker.multi-stage",
        "compiler in the final stage",
        """\
        FROM python:3.12 AS builder
        FROM python:3.12-slim
        COPY --from=0 /wheels /wheels
        RUN apt-get update && apt-get -y install gcc libpq-dev # <-
        """,
    ),
    ("docker.non-root-user", "user set", SLIM_APP),
    (
        "docker.non-root-user",
        "inherited from a stage",
        "FROM python:3.12-slim AS base\nUSER 10001\nFROM base",
    ),
    ("docker.non-root-user", "never set", 'FROM python:3.12-slim # <-\nCMD ["x"]'),
    ("docker.non-root-user", "back to root", "FROM python:3.12-slim\nUSER app\nUSER 0:0 # <-"),
    (
        "docker.non-root-user",
        "only in the builder",
        "FROM python:3.12 AS b\nUSER app\nFROM python:3.12-slim # <-",
    ),
    ("docker.layer-order", "manifest first", SLIM_APP),
    (
        "docker.layer-order",
        "uv lock first",
        """\
        FROM python:3.12-slim
        COPY pyproject.toml uv.lock ./
        RUN uv sync --frozen --no-install-project
        COPY . .
        RUN uv sync --frozen
        """,
    ),
    (
        "docker.layer-order",
        "source first",
        "FROM python:3.12-slim\nCOPY . . # <-\nRUN pip install -r requirements.txt",
    ),
    (
        "docker.layer-order",
        "source dir beside the manifest",
        """\
        FROM python:3.12-slim
        COPY requirements.txt app/ ./ # <-
        RUN python -m pip install -r requirements.txt
        """,
    ),
    ("docker.layer-order", "no install", "FROM python:3.12-slim # <-\nCOPY . ."),
    (
        "docker.no-secrets-in-env",
        "settings about secrets",
        "FROM x:1\nENV SECRET_KEY_FILE=/run/secrets/key ACCESS_TOKEN_EXPIRE_MINUTES=30",
    ),
    ("docker.no-secrets-in-env", "token in env", "FROM x:1\nENV API_TOKEN=abc # <-"),
    ("docker.no-secrets-in-env", "secret build arg", "ARG DB_PASSWORD # <-\nFROM x:1"),
    (
        "docker.no-secrets-in-env",
        "credentials in a url",
        "FROM x:1\nENV DATABASE_URL postgres://app:pw@db/app # <-",
    ),
    ("docker.healthcheck", "python probe", SLIM_APP),
    (
        "docker.healthcheck",
        "curl installed",
        """\
        FROM python:3.12-slim
        RUN apt-get update && apt-get install -y curl
        HEALTHCHECK CMD curl -f http://localhost:8000/healthz || exit 1
        """,
    ),
    ("docker.healthcheck", "curl on a full image", "FROM python:3.12\nHEALTHCHECK CMD curl -f x"),
    ("docker.healthcheck", "none", "FROM python:3.12-slim # <-"),
    ("docker.healthcheck", "disabled", "FROM python:3.12-slim\nHEALTHCHECK NONE # <-"),
    (
        "docker.healthcheck",
        "curl on slim",
        "FROM python:3.12-slim\nHEALTHCHECK --interval=5s CMD curl -f http://x/ # <-",
    ),
    ("docker.exec-form", "json arrays", 'FROM x:1\nENTRYPOINT ["tini", "--"]\nCMD ["uvicorn"]'),
    ("docker.exec-form", "shell form", "FROM x:1\nCMD uvicorn app.main:app # <-"),
    ("docker.exec-form", "single quotes", "FROM x:1\nCMD ['uvicorn', 'app'] # <-"),
    ("docker.exec-form", "no command", "FROM x:1 # <-\nRUN true"),
    ("docker.prefer-copy", "local archive", "FROM x:1\nADD vendor.tar.gz /opt/\nCOPY . ."),
    (
        "docker.prefer-copy",
        "verified download",
        "FROM x:1\nADD --checksum=sha256:" + "0" * 64 + " https://example.com/t.tgz /t.tgz",
    ),
    ("docker.prefer-copy", "remote url", "FROM x:1\nADD https://example.com/x.sh /x.sh # <-"),
    ("docker.prefer-copy", "local files", "FROM x:1\nADD . /app # <-"),
]

# --- Kubernetes ------------------------------------------------------------------------------

DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: api
          image: ghcr.io/acme/api:1.0.0
          ports:
            - name: http
              containerPort: 8000
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
          readinessProbe:
            httpGet: {path: /readyz, port: http}
          livenessProbe:
            httpGet: {path: /healthz, port: 8000}
          securityContext:
            allowPrivilegeEscalation: false
"""
SERVICE = """\
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - port: 80
      targetPort: http
"""
HPA = """\
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
"""
INGRESS = """\
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: api, port: {number: 80}}
"""
CONFIG_MAP = """\
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  LOG_LEVEL: info
"""


def _canary(stable_replicas: int = 9, canary_selector: str = "track: canary") -> str:
    def deployment(track: str, replicas: int, version: str, selector: str) -> str:
        return (
            DEPLOYMENT.replace(
                "name: api\nspec:\n  replicas: 3",
                f"name: api-{track}\nspec:\n  replicas: {replicas}",
            )
            .replace("      app: api\n  template", f"      app: api\n      {selector}\n  template")
            .replace(
                "        app: api\n    spec", f"        app: api\n        track: {track}\n    spec"
            )
            .replace("api:1.0.0", f"api:{version}")
        )

    stable = deployment("stable", stable_replicas, "1.0.0", "track: stable")
    canary = deployment("canary", 1, "1.1.0", canary_selector)
    return stable + "---\n" + canary + SERVICE


def _mark_nth(text: str, line: str, n: int) -> str:
    """Mark the n-th occurrence (1-based) of `line`."""
    parts = text.split(line)
    return line.join(parts[:n]) + line.rstrip("\n") + f" {MARK}\n" + line.join(parts[n:])


def _no_hpa_replicas(text: str) -> str:
    return text.replace("  replicas: 3\n", "")


K8S = [
    ("k8s.api-versions", "current", DEPLOYMENT + SERVICE + HPA + INGRESS),
    ("k8s.api-versions", "custom resources are left alone", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: x}"),
    ("k8s.api-versions", "removed deployment api", DEPLOYMENT.replace("apps/v1", "extensions/v1beta1 # <-")),
    ("k8s.api-versions", "beta hpa", HPA.replace("autoscaling/v2", "autoscaling/v2beta2 # <-")),
    ("k8s.api-versions", "v1 hpa", HPA.replace("autoscaling/v2", "autoscaling/v1 # <-")),
    ("k8s.resources", "requests and memory limit", DEPLOYMENT),
    ("k8s.resources", "no resources", DEPLOYMENT.replace("        - name: api\n", "        - name: api # <-\n").replace("          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits: {memory: 256Mi}\n", "")),
    ("k8s.resources", "no memory limit", DEPLOYMENT.replace("          resources:", "          resources: # <-").replace("limits: {memory: 256Mi}", "limits: {cpu: 500m}")),
    ("k8s.resources", "request above limit", DEPLOYMENT.replace("          resources:", "          resources: # <-").replace("limits: {memory: 256Mi}", "limits: {memory: 64Mi}")),
    ("k8s.resources", "not a quantity", DEPLOYMENT.replace("requests: {cpu: 100m, memory: 128Mi}", "requests: {cpu: 100m, memory: 128MB} # <-")),
    ("k8s.probes", "both probes", DEPLOYMENT),
    ("k8s.probes", "no readiness", DEPLOYMENT.replace("        - name: api\n", "        - name: api # <-\n").replace("          readinessProbe:\n            httpGet: {path: /readyz, port: http}\n", "")),
    ("k8s.probes", "undeclared port", DEPLOYMENT.replace("httpGet: {path: /healthz, port: 8000}", "httpGet: {path: /healthz, port: 80} # <-")),
    ("k8s.probes", "unknown port name", DEPLOYMENT.replace("httpGet: {path: /readyz, port: http}", "httpGet: {path: /readyz, port: web} # <-")),
    ("k8s.selector-matches", "matches", DEPLOYMENT),
    ("k8s.selector-matches", "expressions", DEPLOYMENT.replace("    matchLabels:\n      app: api\n", "    matchExpressions:\n      - {key: app, operator: In, values: [api, web]}\n")),
    ("k8s.selector-matches", "mismatch", DEPLOYMENT.replace("    matchLabels:\n      app: api\n", "    matchLabels: # <-\n      app: web\n")),
    ("k8s.selector-matches", "missing", DEPLOYMENT.replace("  selector:\n    matchLabels:\n      app: api\n", "").replace("apiVersion: apps/v1\n", "apiVersion: apps/v1 # <-\n")),
    ("k8s.no-latest-tag", "version tag", DEPLOYMENT),
    ("k8s.no-latest-tag", "latest", DEPLOYMENT.replace("api:1.0.0", "api:latest # <-")),
    ("k8s.no-latest-tag", "untagged", DEPLOYMENT.replace("ghcr.io/acme/api:1.0.0", "ghcr.io/acme/api # <-")),
    (
        "k8s.secrets-from-refs",
        "secret key ref",
        DEPLOYMENT.replace("          ports:", "          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n          ports:") + CONFIG_MAP,
    ),
    ("k8s.secrets-from-refs", "literal password", DEPLOYMENT.replace("          ports:", "          env:\n            - name: DB_PASSWORD\n              value: hunter2 # <-\n          ports:")),
    ("k8s.secrets-from-refs", "url with password", DEPLOYMENT.replace("          ports:", "          env:\n            - name: DATABASE_URL\n              value: postgres://app:pw@db/app # <-\n          ports:")),
    ("k8s.secrets-from-refs", "password in a configmap", CONFIG_MAP + "  API_TOKEN: abc123 # <-\n"),
    ("k8s.secrets-from-refs", "committed secret", "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: # <-\n  password: hunter2"),
    ("k8s.security-context", "non-root", DEPLOYMENT),
    ("k8s.security-context", "container root", DEPLOYMENT.replace("          securityContext:\n            allowPrivilegeEscalation: false", "          securityContext: # <-\n            allowPrivilegeEscalation: false\n            runAsUser: 0")),
    ("k8s.security-context", "no context", DEPLOYMENT.replace("      securityContext:\n        runAsNonRoot: true\n", "").replace("          securityContext:\n            allowPrivilegeEscalation: false\n", "").replace("        - name: api\n", "        - name: api # <-\n")),
    (
        "k8s.config-refs-exist",
        "defined",
        DEPLOYMENT.replace("          ports:", "          envFrom:\n            - configMapRef: {name: settings}\n          env:\n            - name: LOG_LEVEL\n              valueFrom:\n                configMapKeyRef: {name: settings, key: LOG_LEVEL}\n          ports:") + CONFIG_MAP,
    ),
    ("k8s.config-refs-exist", "missing configmap", DEPLOYMENT.replace("          ports:", "          envFrom:\n            - configMapRef: {name: setings} # <-\n          ports:") + CONFIG_MAP),
    ("k8s.config-refs-exist", "missing key", DEPLOYMENT.replace("          ports:", "          env:\n            - name: LOG_LEVEL\n              valueFrom:\n                configMapKeyRef: {name: settings, key: log-level} # <-\n          ports:") + CONFIG_MAP),
    ("k8s.service-selector", "selects the pods", DEPLOYMENT + SERVICE),
    ("k8s.service-selector", "no service", DEPLOYMENT.replace("apiVersion: apps/v1\n", "apiVersion: apps/v1 # <-\n")),
    ("k8s.service-selector", "selects nothing", DEPLOYMENT + SERVICE.replace("    app: api\n", "    app: apii # <-\n")),
    ("k8s.service-selector", "wrong target port", DEPLOYMENT + SERVICE.replace("targetPort: http", "targetPort: 80 # <-")),
    ("k8s.hpa-target", "targets the deployment", DEPLOYMENT + HPA),
    ("k8s.hpa-target", "missing target", DEPLOYMENT + HPA.replace("name: api}", "name: apii} # <-")),
    ("k8s.hpa-target", "no cpu request", DEPLOYMENT.replace("{cpu: 100m, memory: 128Mi}", "{memory: 128Mi}").replace("        - name: api\n", "        - name: api # <-\n") + HPA),
    ("k8s.hpa-target", "min above max", DEPLOYMENT + HPA.replace("minReplicas: 2", "minReplicas: 20").replace("maxReplicas: 10", "maxReplicas: 10 # <-")),
    ("k8s.hpa-owns-replicas", "no replicas", _no_hpa_replicas(DEPLOYMENT) + HPA),
    ("k8s.hpa-owns-replicas", "replicas set", DEPLOYMENT.replace("  replicas: 3", "  replicas: 3 # <-") + HPA),
    ("k8s.ingress-backends", "service port", DEPLOYMENT + SERVICE + INGRESS),
    ("k8s.ingress-backends", "container port", DEPLOYMENT + SERVICE + INGRESS.replace("port: {number: 80}}", "port: {number: 8000}} # <-")),
    ("k8s.ingress-backends", "unknown service", DEPLOYMENT + SERVICE + INGRESS.replace("service: {name: api, port: {number: 80}}", "service: {name: web, port: {number: 80}} # <-")),
    ("k8s.ingress-backends", "no path type", DEPLOYMENT + SERVICE + INGRESS.replace("          - path: /\n            pathType: Prefix\n", "          - path: / # <-\n")),
    ("k8s.canary", "stable and canary", _canary()),
    ("k8s.canary", "overlapping selectors", _mark_nth(_canary(canary_selector=""), "    matchLabels:\n", 2)),
    ("k8s.canary", "canary as big as stable", _canary(stable_replicas=1).replace("name: api-canary\nspec:\n  replicas: 1", "name: api-canary\nspec:\n  replicas: 1 # <-")),
    ("k8s.canary", "service pins a track", _canary().replace("---\napiVersion: v1\nkind: Service", "---\napiVersion: v1 # <-\nkind: Service").replace("  selector:\n    app: api\n  ports", "  selector:\n    app: api\n    track: stable\n  ports")),
]  # fmt: skip

# --- GitHub Actions -----------------------------------------------------------------------------

SHA = "11bd71901bbe5b1630ceea73d27597364c9af683"
WORKFLOW = f"""\
name: ci
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@{SHA} # v4.2.2
      - run: pytest -q
  deploy-staging:
    needs: test
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-24.04
    environment: staging
    steps:
      - run: kubectl set image deployment/api api=$IMAGE
  deploy-production:
    needs: deploy-staging
    runs-on: ubuntu-24.04
    environment:
      name: production
    permissions:
      contents: read
      id-token: write
    steps:
      - run: kubectl set image deployment/api api=$IMAGE
      - run: kubectl rollout status deployment/api
      - if: failure()
        run: kubectl rollout undo deployment/api
"""

GHA = [
    ("gha.structure", "valid", WORKFLOW),
    ("gha.structure", "misspelt needs", WORKFLOW.replace("    needs: deploy-staging", "    need: deploy-staging # <-")),
    ("gha.structure", "unknown need", WORKFLOW.replace("    needs: test", "    needs: tests # <-")),
    ("gha.structure", "uses and run", WORKFLOW.replace("      - run: pytest -q", "      - run: pytest -q # <-\n        uses: ./local")),
    ("gha.structure", "no triggers", WORKFLOW.replace("on:\n  push:\n    branches: [main]\n  pull_request:\n", "").replace("name: ci", "name: ci # <-")),
    ("gha.actions-versioned", "tag or sha", WORKFLOW.replace(f"@{SHA}", "@v4")),
    ("gha.actions-versioned", "branch", WORKFLOW.replace(f"@{SHA} # v4.2.2", "@main # <-")),
    ("gha.actions-versioned", "no ref", WORKFLOW.replace(f"@{SHA} # v4.2.2", " # <-")),
    ("gha.actions-pinned-sha", "sha", WORKFLOW),
    ("gha.actions-pinned-sha", "local actions are exempt", WORKFLOW.replace(f"actions/checkout@{SHA} # v4.2.2", "./.github/actions/setup")),
    ("gha.actions-pinned-sha", "tag", WORKFLOW.replace(f"@{SHA} # v4.2.2", "@v4.2.2 # <-")),
    ("gha.actions-pinned-sha", "short sha", WORKFLOW.replace(f"@{SHA} # v4.2.2", f"@{SHA[:7]} # <-")),
    ("gha.tests-gate-deploy", "chained", WORKFLOW),
    ("gha.tests-gate-deploy", "deploy without needs", WORKFLOW.replace("  deploy-staging:\n    needs: test\n", "  deploy-staging: # <-\n").replace("  deploy-production:", "  deploy-production: # <-")),
    ("gha.tests-gate-deploy", "always() on the way", WORKFLOW.replace("    if: github.ref == 'refs/heads/main'", "    if: always() # <-")),
    ("gha.tests-gate-deploy", "always() still requiring success", WORKFLOW.replace("    if: github.ref == 'refs/heads/main'", "    if: always() && needs.test.result == 'success'")),
    ("gha.tests-gate-deploy", "tests may fail", WORKFLOW.replace("      - run: pytest -q", "      - run: pytest -q\n        continue-on-error: true # <-")),
    ("gha.protected-production", "restricted through the staging job", WORKFLOW),
    ("gha.protected-production", "own condition", WORKFLOW.replace("    if: github.ref == 'refs/heads/main'\n", "").replace("    needs: deploy-staging\n", "    needs: deploy-staging\n    if: ${{ startsWith(github.ref, 'refs/tags/v') }}\n")),
    ("gha.protected-production", "triggers only main", WORKFLOW.replace("  pull_request:\n", "").replace("    if: github.ref == 'refs/heads/main'\n", "")),
    ("gha.protected-production", "any branch", WORKFLOW.replace("    if: github.ref == 'refs/heads/main'\n", "").replace("  deploy-production:", "  deploy-production: # <-")),
    ("gha.protected-production", "or true", WORKFLOW.replace("    if: github.ref == 'refs/heads/main'\n", "").replace("  deploy-production:", "  deploy-production: # <-").replace("    needs: deploy-staging\n", "    needs: deploy-staging\n    if: github.ref == 'refs/heads/main' || github.event_name == 'pull_request'\n")),
    ("gha.protected-production", "no environment", WORKFLOW.replace("    environment:\n      name: production\n", "").replace("  deploy-production:", "  deploy-production: # <-")),
    ("gha.no-literal-secrets", "secrets context", WORKFLOW.replace("      - run: pytest -q", "      - run: pytest -q\n        env:\n          API_TOKEN: ${{ secrets.API_TOKEN }}\n          USE_CREDENTIALS: false")),
    ("gha.no-literal-secrets", "a test database's password", WORKFLOW.replace("    runs-on: ubuntu-24.04\n    steps:\n      - uses", "    runs-on: ubuntu-24.04\n    services:\n      db:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: postgres\n    steps:\n      - uses")),
    ("gha.no-literal-secrets", "literal token", WORKFLOW.replace("      - run: pytest -q", "      - run: pytest -q\n        env:\n          API_TOKEN: abc123 # <-")),
    ("gha.no-literal-secrets", "real token format", WORKFLOW.replace("run: pytest -q", "run: \"curl -H 'Authorization: token ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' x\" # <-")),
    ("gha.least-privilege", "read at the top", WORKFLOW),
    ("gha.least-privilege", "none at all", WORKFLOW.replace("permissions:\n  contents: read\n", "").replace("name: ci", "name: ci # <-")),
    ("gha.least-privilege", "write at the top", WORKFLOW.replace("permissions:\n  contents: read\n", "permissions:\n  contents: write # <-\n")),
    ("gha.least-privilege", "write-all in a job", WORKFLOW.replace("    permissions:\n      contents: read\n      id-token: write\n", "    permissions: write-all # <-\n")),
    ("gha.promotion-path", "staging first", WORKFLOW),
    ("gha.promotion-path", "production beside staging", WORKFLOW.replace("    needs: deploy-staging", "    needs: test").replace("  deploy-production:", "  deploy-production: # <-")),
    ("gha.promotion-path", "no staging", WORKFLOW.replace("environment: staging", "environment: qa").replace("jobs:", "jobs: # <-")),
    ("gha.rollback-on-failure", "check and undo", WORKFLOW),
    ("gha.rollback-on-failure", "no check", WORKFLOW.replace("      - run: kubectl rollout status deployment/api\n", "").replace("      - run: kubectl set image deployment/api api=$IMAGE\n      - if", "      - run: kubectl set image deployment/api api=$IMAGE # <-\n      - if")),
    ("gha.rollback-on-failure", "undo without failure()", WORKFLOW.replace("      - if: failure()\n", "      - if: always()\n").replace("      - run: kubectl set image deployment/api api=$IMAGE\n      - run: kubectl rollout", "      - run: kubectl set image deployment/api api=$IMAGE # <-\n      - run: kubectl rollout")),
]  # fmt: skip

# --- GitLab CI ------------------------------------------------------------------------------------

PIPELINE = """\
stages: [test, build, deploy]
variables:
  IMAGE: $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA
.deploy: &deploy
  stage: deploy
  script:
    - kubectl set image deployment/api api="$IMAGE"
test:
  stage: test
  script:
    - pytest -q
build:
  stage: build
  script:
    - docker build -t "$IMAGE" .
    - docker push "$IMAGE"
deploy-staging:
  <<: *deploy
  environment: staging
deploy-production:
  extends: .deploy
  needs: [deploy-staging]
  environment:
    name: production
  rules:
    - if: $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH
      when: never
    - when: manual
"""

GITLAB = [
    ("gitlab.stages-order", "test, build, deploy", PIPELINE),
    ("gitlab.stages-order", "build before test", PIPELINE.replace("stages: [test, build, deploy]", "stages: [build, test, deploy]").replace("build:\n  stage: build", "build: # <-\n  stage: build")),
    ("gitlab.stages-order", "undeclared stage", PIPELINE.replace("  stage: test\n", "  stage: tests # <-\n")),
    ("gitlab.deploy-needs-tests", "stage order and needs", PIPELINE),
    ("gitlab.deploy-needs-tests", "needs nothing", PIPELINE.replace("  needs: [deploy-staging]", "  needs: [] # <-")),
    ("gitlab.deploy-needs-tests", "tests may fail", PIPELINE.replace("    - pytest -q\n", "    - pytest -q\n  allow_failure: true # <-\n")),
    ("gitlab.deploy-needs-tests", "deploy when always", PIPELINE.replace("  environment: staging", "  environment: staging\n  when: always # <-")),
    ("gitlab.manual-production", "never elsewhere, manual here", PIPELINE),
    (
        "gitlab.manual-production",
        "if on the default branch",
        PIPELINE.replace("    - if: $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH\n      when: never\n    - when: manual", '    - if: $CI_COMMIT_BRANCH == "main"\n      when: manual'),
    ),
    ("gitlab.manual-production", "any branch", PIPELINE.replace("    - if: $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH\n      when: never\n", "").replace("  rules:", "  rules: # <-")),
    ("gitlab.manual-production", "automatic", PIPELINE.replace("    - when: manual", "    - when: on_success").replace("deploy-production:", "deploy-production: # <-")),
    ("gitlab.promotion-path", "production needs staging", PIPELINE),
    ("gitlab.promotion-path", "production in a later stage", PIPELINE.replace("stages: [test, build, deploy]", "stages: [test, build, deploy, release]").replace("  needs: [deploy-staging]\n", "  stage: release\n")),
    ("gitlab.promotion-path", "same stage, no needs", PIPELINE.replace("  needs: [deploy-staging]\n", "").replace("deploy-production:", "deploy-production: # <-")),
    ("gitlab.promotion-path", "needs skip staging", PIPELINE.replace("  needs: [deploy-staging]", "  needs: [build] # <-")),
    ("gitlab.environment", "named", PIPELINE),
    ("gitlab.environment", "missing", PIPELINE.replace("  environment: staging\n", "").replace("deploy-staging:", "deploy-staging: # <-")),
    ("gitlab.no-literal-secrets", "references", PIPELINE.replace("variables:\n", "variables:\n  DB_PASSWORD: $PROD_DB_PASSWORD\n")),
    ("gitlab.no-literal-secrets", "a test database's password", PIPELINE.replace("test:\n  stage: test\n", "test:\n  stage: test\n  services: [postgres:16]\n  variables:\n    POSTGRES_PASSWORD: runner\n")),
    ("gitlab.no-literal-secrets", "literal", PIPELINE.replace("variables:\n", "variables:\n  DB_PASSWORD: hunter2 # <-\n")),
    ("gitlab.no-literal-secrets", "expanded form", PIPELINE.replace("variables:\n", "variables:\n  API_TOKEN:\n    value: abc123 # <-\n    description: the token\n")),
]  # fmt: skip

# --- Compose ------------------------------------------------------------------------------------

COMPOSE = """\
services:
  api:
    build: .
    ports: ["8000:8000"]
    environment:
      DATABASE_URL: postgresql://app:${DB_PASSWORD:?set it}@db:5432/app
    depends_on:
      db: {condition: service_healthy}
      migrate: {condition: service_completed_successfully}
    healthcheck:
      test: ["CMD", "python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/healthz')"]
  migrate:
    build: .
    command: ["alembic", "upgrade", "head"]
    depends_on:
      db: {condition: service_healthy}
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}
    volumes:
      - pgdata:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
volumes:
  pgdata:
"""

COMPOSE_CASES = [
    ("compose.healthchecks", "declared, one-shot exempt", COMPOSE),
    ("compose.healthchecks", "missing", COMPOSE.replace("    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]\n", "").replace("  db:\n", "  db: # <-\n")),
    ("compose.healthchecks", "disabled", COMPOSE.replace("test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]", "disable: true").replace("  db:\n", "  db: # <-\n")),
    ("compose.depends-healthy", "long form", COMPOSE),
    ("compose.depends-healthy", "short form", COMPOSE.replace("    depends_on:\n      db: {condition: service_healthy}\n  db:", "    depends_on:\n      - db # <-\n  db:")),
    ("compose.depends-healthy", "only started", COMPOSE.replace("      db: {condition: service_healthy}\n      migrate", "      db: {condition: service_started} # <-\n      migrate")),
    ("compose.depends-healthy", "unknown service", COMPOSE.replace("      migrate: {condition", "      migrat: {condition").replace("migrat: {condition: service_completed_successfully}", "migrat: {condition: service_completed_successfully} # <-")),
    ("compose.no-literal-secrets", "interpolated", COMPOSE),
    ("compose.no-literal-secrets", "literal password", COMPOSE.replace("POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}", "POSTGRES_PASSWORD: hunter2 # <-")),
    ("compose.no-literal-secrets", "list form", COMPOSE.replace("    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}", "    environment:\n      - POSTGRES_PASSWORD=hunter2 # <-")),
    ("compose.no-literal-secrets", "password in a url", COMPOSE.replace("app:${DB_PASSWORD:?set it}@db", "app:hunter2@db").replace("      DATABASE_URL:", "      DATABASE_URL: # <-").replace("DATABASE_URL: # <- postgresql", "DATABASE_URL: postgresql").replace("@db:5432/app", "@db:5432/app # <-")),
    ("compose.named-volumes", "named and declared", COMPOSE),
    ("compose.named-volumes", "bind mount", COMPOSE.replace("      - pgdata:/var/lib/postgresql/data", "      - ./data:/var/lib/postgresql/data # <-")),
    ("compose.named-volumes", "undeclared", COMPOSE.replace("volumes:\n  pgdata:\n", "").replace("      - pgdata:/var/lib/postgresql/data", "      - pgdata:/var/lib/postgresql/data # <-")),
    ("compose.named-volumes", "no volume", COMPOSE.replace("    volumes:\n      - pgdata:/var/lib/postgresql/data\n", "").replace("  db:\n", "  db: # <-\n")),
    ("compose.service-hostnames", "service names", COMPOSE),
    ("compose.service-hostnames", "localhost", COMPOSE.replace("@db:5432/app", "@localhost:5432/app # <-")),
    ("compose.service-hostnames", "unknown host", COMPOSE.replace("@db:5432/app", "@database:5432/app # <-")),
    ("compose.private-datastores", "unpublished", COMPOSE),
    ("compose.private-datastores", "loopback only", COMPOSE.replace("    image: postgres:16\n", "    image: postgres:16\n    ports: [\"127.0.0.1:5432:5432\"]\n")),
    ("compose.private-datastores", "published", COMPOSE.replace("    image: postgres:16\n", "    image: postgres:16\n    ports:\n      - \"5432:5432\" # <-\n")),
    ("compose.pinned-images", "tagged", COMPOSE),
    ("compose.pinned-images", "untagged", COMPOSE.replace("    image: postgres:16", "    image: postgres # <-")),
]  # fmt: skip

CASES = DOCKER + K8S + GHA + GITLAB + COMPOSE_CASES


@pytest.mark.parametrize(
    ("rule_id", "text"), [pytest.param(r, t, id=f"{r}: {name}") for r, name, t in CASES]
)
def test_rule_reports_exactly_the_marked_lines(rule_id: str, text: str) -> None:
    clean, expected = _split(text)
    assert _found_lines(rule_id, clean) == expected


def test_every_rule_has_a_passing_and_a_failing_case() -> None:
    passing = {r for r, _, t in CASES if not _split(t)[1]}
    failing = {r for r, _, t in CASES if _split(t)[1]}
    # Terraform's rules have their cases in test_terraform_rules.py.
    rules = {r for r in RULES if not r.startswith("terraform.")}
    assert passing == rules
    assert failing == rules


def test_every_rule_explains_itself_in_a_paragraph() -> None:
    for rule in RULES.values():
        assert rule.id.split(".")[0] in ("docker", "k8s", "gha", "gitlab", "compose", "terraform")
        assert len(rule.why) > 150, rule.id
        assert rule.summary and not rule.summary.endswith("."), rule.id


def test_a_finding_reads_line_problem_and_fix() -> None:
    [result] = evaluate("dockerfile", "FROM python:latest\n", ("docker.pinned-base-image",))
    assert result.message is not None
    assert result.message.startswith("line 1: the base image 'python:latest' uses the :latest tag;")
    assert "python:3.12-slim" in result.message


# --- parsing --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "text", "line", "words"),
    [
        ("dockerfile", "RUN echo hi\nFROM x:1", 1, "before the first FROM"),
        ("dockerfile", "FROM x:1\nRUNN echo", 2, "unknown instruction"),
        ("dockerfile", "# only a comment\n", 1, "no FROM"),
        ("kubernetes", "kind: Service\nmetadata: {name: a}", 1, "apiVersion and kind"),
        ("kubernetes", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [a", 4, "not valid YAML"),
        ("kubernetes", "apiVersion: v1\nkind: Service\nkind: Pod\n", 3, "duplicate key"),
        ("github-actions", "- a\n- b\n", 1, "must be a mapping"),
        ("gitlab-ci", "job:\n  extends: .missing\n  script: [x]\n", 2, "extends unknown"),
        ("compose", "volumes: {}\n", 1, "no services"),
    ],
)
def test_parse_errors_name_the_line(fmt: str, text: str, line: int, words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        PARSERS[fmt](text)
    assert caught.value.line == line
    assert words in caught.value.message


def test_yaml_keeps_lines_and_resolves_merge_keys() -> None:
    [doc] = load_documents("base: &b\n  a: 1\n  b: 2\njob:\n  <<: *b\n  b: 3\n")
    assert doc is not None
    job = doc.get("job")
    assert job is not None
    assert job.plain() == {"b": 3, "a": 1}
    assert job.key_line("b") == 6
    assert job.key_line("a") == 2


def test_on_stays_a_key_and_values_keep_their_types() -> None:
    [doc] = load_documents("on: push\nreplicas: 3\nflag: yes\nport: '80'\n")
    assert isinstance(doc, Node)
    assert doc.plain() == {"on": "push", "replicas": 3, "flag": True, "port": "80"}


def test_gitlab_reference_tags_are_resolved() -> None:
    pipeline = PARSERS["gitlab-ci"](
        ".setup:\n  script: [pip install -r r.txt]\n"
        "test:\n  script:\n    - !reference [.setup, script]\n    - pytest -q\n"
    )
    assert pipeline.jobs["test"].script == "pip install -r r.txt\npytest -q"


# --- helpers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("DB_PASSWORD", True),
        ("api-token", True),
        ("DJANGO_SECRET_KEY", True),
        ("API_KEY", True),
        ("key", False),
        ("PWD", False),
        ("SECRET_KEY_FILE", False),
        ("ACCESS_TOKEN_EXPIRE_MINUTES", False),
        ("PYTHONUNBUFFERED", False),
        ("persist-credentials", True),
    ],
)
def test_secret_names(name: str, secret: bool) -> None:
    assert looks_secret(name) is secret


def test_secret_values() -> None:
    assert secret_in_value("postgres://app:pw@db/app") == "a URL with a password in it"
    assert secret_in_value("postgres://app:${PW}@db/app") is None
    assert secret_in_value("postgres://app@db/app") is None
    assert secret_in_value("token ghp_" + "a" * 36) is not None


@pytest.mark.parametrize(
    ("ref", "pinned"),
    [
        ("python:3.12-slim", True),
        ("localhost:5000/app:1.0", True),
        ("python@sha256:" + "0" * 64, True),
        ("localhost:5000/app", False),
        ("python", False),
        ("python:latest", False),
        ("python@sha256:abc", False),
    ],
)
def test_image_pinning(ref: str, pinned: bool) -> None:
    assert (unpinned(ref) is None) is pinned


@pytest.mark.parametrize(
    ("expr", "restricted"),
    [
        ("github.ref == 'refs/heads/main'", True),
        ("github.event_name == 'push' && github.ref == 'refs/heads/main'", True),
        ("(github.ref == 'refs/heads/main' || github.ref == 'refs/heads/master') && x", True),
        ("github.ref == 'refs/heads/main' || true", False),
        ("x == 'refs/heads/main'", False),
        ("", False),
    ],
)
def test_condition_restriction(expr: str, restricted: bool) -> None:
    assert restricts(expr, lambda t: t in ("github.ref == 'refs/heads/main'", "github.ref == 'refs/heads/master'")) is restricted  # fmt: skip


def test_quantities() -> None:
    def q(value: object) -> object:
        return quantity(Node(value, 1))

    assert q("250m") == q(0.25)
    assert q("1Gi") == 2**30
    assert q("128M") == 128 * 10**6
    assert q("1e3") == 1000
    assert q("128MB") is None
