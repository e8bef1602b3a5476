"""Kubernetes rules about workloads: API versions, containers, probes, selectors, secrets."""

from __future__ import annotations

import re

from prep.labs.config_rules.base import Finding, parser, rule
from prep.labs.config_rules.images import unpinned
from prep.labs.config_rules.kubernetes_model import (
    LONG_RUNNING,
    K8sObject,
    Manifests,
    container_name,
    container_ports,
    parse_manifests,
    quantity,
    selector_matches,
    string_map,
)
from prep.labs.config_rules.secret_values import secret_in_value, secret_literal
from prep.labs.config_rules.yaml_tree import Node

parser("kubernetes")(parse_manifests)

_APPS, _RBAC = "apps/v1", "rbac.authorization.k8s.io/v1"
#: The current apiVersion of each built-in kind these labs use.
CURRENT = {
    "Deployment": _APPS, "StatefulSet": _APPS, "DaemonSet": _APPS, "ReplicaSet": _APPS,
    "Pod": "v1", "Service": "v1", "ConfigMap": "v1", "Secret": "v1", "Namespace": "v1",
    "ServiceAccount": "v1", "PersistentVolumeClaim": "v1", "Job": "batch/v1",
    "CronJob": "batch/v1", "Ingress": "networking.k8s.io/v1",
    "IngressClass": "networking.k8s.io/v1", "NetworkPolicy": "networking.k8s.io/v1",
    "HorizontalPodAutoscaler": "autoscaling/v2", "PodDisruptionBudget": "policy/v1",
    "Role": _RBAC, "RoleBinding": _RBAC, "ClusterRole": _RBAC, "ClusterRoleBinding": _RBAC,
}  # fmt: skip
#: Versions that were served once and are gone, with the release that removed them.
REMOVED = {
    "extensions/v1beta1": "1.16 (1.22 for Ingress)", "apps/v1beta1": "1.16",
    "apps/v1beta2": "1.16", "networking.k8s.io/v1beta1": "1.22",
    "autoscaling/v2beta1": "1.25", "autoscaling/v2beta2": "1.26", "batch/v1beta1": "1.25",
    "policy/v1beta1": "1.25",
}  # fmt: skip
_PROBE_HANDLERS = ("httpGet", "tcpSocket", "exec", "grpc")


@rule(
    "k8s.api-versions",
    "kubernetes",
    "every built-in object uses its current apiVersion (apps/v1, networking.k8s.io/v1, ...)",
    """The API server only accepts versions it still serves: manifests written against
    extensions/v1beta1 or autoscaling/v2beta2 were rejected outright once the cluster was
    upgraded past the release that removed them, usually in the middle of an incident. Writing
    the current stable version (apps/v1 Deployment, v1 Service, networking.k8s.io/v1 Ingress,
    autoscaling/v2 HorizontalPodAutoscaler) keeps the file applicable. Kinds the rule does not
    know (custom resources) are left alone.""",
)
def _api_versions(doc: Manifests) -> list[Finding]:
    findings = []
    for obj in doc.objects:
        current = CURRENT.get(obj.kind)
        if current is None or obj.api_version == current:
            continue
        line = obj.node.key_line("apiVersion")
        if obj.api_version in REMOVED:
            problem = (
                f"{obj.label} uses {obj.api_version}, removed in Kubernetes "
                f"{REMOVED[obj.api_version]}"
            )
        elif obj.api_version == "autoscaling/v1":
            problem = f"{obj.label} uses autoscaling/v1, which only knows a CPU target"
        else:
            problem = f"{obj.label} uses {obj.api_version}, which does not serve {obj.kind}"
        findings.append(Finding(line, problem, f"use apiVersion: {current}"))
    return findings


@rule(
    "k8s.resources",
    "kubernetes",
    "every container requests cpu and memory and has a memory limit no lower than its request",
    """The scheduler places pods by their requests: a pod without them is packed onto a node
    as if it needed nothing, and is the first to be evicted under pressure. A memory limit
    stops one leaking process from taking the node down with it (the container is restarted
    instead). A CPU limit is optional here, since it throttles a service even when the node is
    idle; a request is not. The HPA also needs requests to compute utilisation.""",
)
def _resources(doc: Manifests) -> list[Finding]:
    findings = []
    for obj in doc.workloads():
        for container in obj.containers():
            where = f"container {container_name(container)!r} of {obj.label}"
            resources = container.get("resources")
            line = container.key_line("resources") if resources is not None else container.line
            needed = [("requests", "cpu"), ("requests", "memory"), ("limits", "memory")]
            missing = [f"{a}.{b}" for a, b in needed if _at(resources, a, b) is None]
            if missing:
                findings.append(
                    Finding(line, f"{where} sets no {', '.join(missing)}", _RESOURCES_FIX)
                )
                continue
            for kind in ("cpu", "memory"):
                request = _at(resources, "requests", kind)
                limit = _at(resources, "limits", kind)
                for label, node in (("request", request), ("limit", limit)):
                    if node is not None and quantity(node) is None:
                        findings.append(
                            Finding(
                                node.line,
                                f"{where}: {kind} {label} {node.text()!r} is not a quantity",
                                "write it like 250m or 256Mi",
                            )
                        )
                low, high = quantity(request), quantity(limit)
                if low is not None and high is not None and low > high:
                    findings.append(
                        Finding(
                            line,
                            f"{where} requests more {kind} than its limit",
                            "a request cannot exceed the limit; raise the limit",
                        )
                    )
    return findings


_RESOURCES_FIX = "set resources.requests (cpu, memory) and resources.limits.memory"


@rule(
    "k8s.probes",
    "kubernetes",
    "every long-running container has a readiness and a liveness probe on a port it declares",
    """Without a readiness probe a pod gets traffic the moment its process starts, before the
    app has opened its database pool, and keeps getting it while it is broken; rolling updates
    then replace healthy pods with ones that cannot serve. Without a liveness probe a
    deadlocked process is never restarted. A probe aimed at a port the container does not
    listen on fails for ever, so its port must be one the container declares.""",
)
def _probes(doc: Manifests) -> list[Finding]:
    findings = []
    for obj in doc.of_kind(*LONG_RUNNING):
        for container in obj.containers(init=False):
            where = f"container {container_name(container)!r} of {obj.label}"
            numbers, names = container_ports(container)
            for probe_key in ("readinessProbe", "livenessProbe"):
                probe = container.get(probe_key)
                if probe is None or not any(probe.get(h) for h in _PROBE_HANDLERS):
                    findings.append(
                        Finding(
                            container.line,
                            f"{where} has no {probe_key}",
                            f"add a {probe_key} (httpGet on a health endpoint, or tcpSocket)",
                        )
                    )
                    continue
                port = probe.at("httpGet", "port") or probe.at("tcpSocket", "port")
                if port is None:
                    continue
                value = port.value
                wrong = (isinstance(value, int) and numbers and value not in numbers) or (
                    isinstance(value, str) and value not in names
                )
                if wrong:
                    declared = sorted(numbers) + sorted(names)
                    findings.append(
                        Finding(
                            port.line,
                            f"{where}: the {probe_key} targets port {value!r}, which the "
                            f"container does not declare ({declared or 'none'})",
                            "probe the port the application listens on",
                        )
                    )
    return findings


@rule(
    "k8s.selector-matches",
    "kubernetes",
    "each workload's selector is non-empty and selects its own pod template's labels",
    """A Deployment finds its pods by its selector. If the selector does not match the labels
    of the pods it creates, the API server rejects the object; if it is broader than intended
    it can adopt pods that belong to another workload. The selector is also immutable after
    creation, so getting it right the first time avoids a delete-and-recreate.""",
)
def _selector_matches(doc: Manifests) -> list[Finding]:
    findings = []
    for obj in doc.of_kind(*LONG_RUNNING):
        selector = obj.node.at("spec", "selector")
        labels = obj.pod_labels()
        empty = selector is None or not (
            string_map(selector.get("matchLabels")) or selector.get("matchExpressions")
        )
        if empty:
            line = selector.line if selector is not None else obj.line
            findings.append(
                Finding(
                    line,
                    f"{obj.label} has no spec.selector.matchLabels",
                    "select the pods by the labels of spec.template.metadata.labels",
                )
            )
        elif not selector_matches(selector, labels):
            assert selector is not None
            findings.append(
                Finding(
                    selector.line,
                    f"the selector of {obj.label} does not match its pod template labels {labels}",
                    "make matchLabels a subset of spec.template.metadata.labels",
                )
            )
    return findings


@rule(
    "k8s.no-latest-tag",
    "kubernetes",
    "every container image has a version tag (not latest) or a digest",
    """With :latest (or no tag) two pods of one Deployment can run different code, depending on
    when their node pulled the image, and a rollback restores the same moving tag rather than
    the previous release. An immutable version tag, or a digest, makes every rollout and
    rollback mean exactly one build.""",
)
def _no_latest_tag(doc: Manifests) -> list[Finding]:
    findings = []
    for obj in doc.workloads():
        for container in obj.containers():
            where = f"container {container_name(container)!r} of {obj.label}"
            image = container.text_at("image")
            problem = unpinned(image or "")
            if problem:
                findings.append(
                    Finding(
                        container.key_line("image"),
                        f"{where}: the image {problem}",
                        "deploy an immutable version tag (the release or commit) or a digest",
                    )
                )
    return findings


@rule(
    "k8s.secrets-from-refs",
    "kubernetes",
    "secret values come from Secrets by reference, never written into the manifest",
    """Manifests live in git, in CI logs and in `kubectl get -o yaml` output, so a password
    written into an env value or a ConfigMap is readable by everyone who can see any of those.
    Containers should read secrets through secretKeyRef or envFrom.secretRef, from a Secret
    created out of band (by an operator, sealed-secrets or an external secret store), and a
    Secret's data should not be committed next to the Deployment.""",
)
def _secrets_from_refs(doc: Manifests) -> list[Finding]:
    findings = []
    for obj in doc.workloads():
        for container in obj.containers():
            for env in (container.get("env") or Node([], 0)).maps():
                finding = _literal_secret_env(obj, container, env)
                if finding:
                    findings.append(finding)
    for obj in doc.of_kind("ConfigMap"):
        data = obj.node.get("data") or Node({}, 0)
        for key, value in data.entries():
            held = secret_in_value(value.text() or "")
            if secret_literal(key, value.text() or "") or held:
                findings.append(
                    Finding(
                        data.key_line(key),
                        f"ConfigMap {obj.name} holds {key!r}, a secret, in plain text",
                        "move it to a Secret and reference it with secretKeyRef",
                    )
                )
    for obj in doc.of_kind("Secret"):
        for field in ("data", "stringData"):
            values = obj.node.get(field)
            if values is not None and values.entries():
                findings.append(
                    Finding(
                        obj.node.key_line(field),
                        f"Secret {obj.name} writes its values into the manifest ({field})",
                        "create the Secret out of band (kubectl create secret, an external "
                        "secret store) and only reference it here",
                    )
                )
    return findings


def _literal_secret_env(obj: K8sObject, container: Node, env: Node) -> Finding | None:
    name = env.text_at("name") or ""
    value = env.get("value")
    text = value.text() if value is not None else None
    if value is None or not text or re.fullmatch(r"\$\([A-Za-z_][A-Za-z0-9_]*\)", text):
        return None
    held = secret_in_value(text)
    if not (secret_literal(name, text) or held):
        return None
    what = f"holds {held}" if held else "is a secret written as a literal value"
    return Finding(
        value.line,
        f"env {name} of container {container_name(container)!r} in {obj.label} {what}",
        "read it from a Secret with valueFrom.secretKeyRef (or envFrom.secretRef)",
    )


@rule(
    "k8s.security-context",
    "kubernetes",
    "every container runs as non-root and cannot escalate privileges",
    """Most images still default to root. runAsNonRoot: true makes the kubelet refuse to start
    a container whose user is root, so a mistake in the image is caught at deploy time rather
    than by an attacker; allowPrivilegeEscalation: false stops setuid binaries from regaining
    privileges. Together they turn an application compromise into a much smaller one.""",
)
def _security_context(doc: Manifests) -> list[Finding]:
    findings = []
    for obj in doc.workloads():
        spec = obj.pod_spec()
        pod = spec.get("securityContext") if spec is not None else None
        for container in obj.containers():
            where = f"container {container_name(container)!r} of {obj.label}"
            own = container.get("securityContext")
            non_root = _effective(own, pod, "runAsNonRoot")
            user = _effective(own, pod, "runAsUser")
            problems = []
            if non_root is not True:
                problems.append("runAsNonRoot is not true")
            if user == 0:
                problems.append("runAsUser is 0 (root)")
            escalation = own.get("allowPrivilegeEscalation") if own is not None else None
            if escalation is None or escalation.value is not False:
                problems.append("allowPrivilegeEscalation is not false")
            if own is not None and own.text_at("privileged") == "true":
                problems.append("it is privileged")
            if problems:
                line = container.key_line("securityContext") if own else container.line
                findings.append(
                    Finding(
                        line,
                        f"{where}: {', '.join(problems)}",
                        "set securityContext runAsNonRoot: true (pod or container) and "
                        "allowPrivilegeEscalation: false on the container",
                    )
                )
    return findings


@rule(
    "k8s.config-refs-exist",
    "kubernetes",
    "every ConfigMap a pod references is defined in the file, with the keys it asks for",
    """A reference to a ConfigMap or key that does not exist is not caught by kubectl apply:
    the pod is created and then sits in CreateContainerConfigError until someone reads its
    events. Checking that each configMapKeyRef, configMapRef and configMap volume points at an
    object and key defined alongside it catches the typo before the rollout does. (Secrets are
    created out of band, so only their references' shape can be checked.)""",
)
def _config_refs_exist(doc: Manifests) -> list[Finding]:
    findings = []
    for obj in doc.workloads():
        for container in obj.containers():
            for env in (container.get("env") or Node([], 0)).maps():
                ref = env.at("valueFrom", "configMapKeyRef")
                if ref is not None:
                    findings += _config_ref(doc, obj, ref, ref.text_at("key"))
                secret = env.at("valueFrom", "secretKeyRef")
                if secret is not None and not (secret.text_at("name") and secret.text_at("key")):
                    findings.append(
                        Finding(secret.line, "a secretKeyRef needs a name and a key", "add them")
                    )
            for source in (container.get("envFrom") or Node([], 0)).maps():
                ref = source.get("configMapRef")
                if ref is not None:
                    findings += _config_ref(doc, obj, ref, None)
        spec = obj.pod_spec()
        volumes = spec.get("volumes") if spec is not None else None
        for volume in (volumes or Node([], 0)).maps():
            ref = volume.get("configMap")
            if ref is not None:
                findings += _config_ref(doc, obj, ref, None)
                for item in (ref.get("items") or Node([], 0)).maps():
                    findings += _config_ref(doc, obj, ref, item.text_at("key"), item.line)
    return findings


def _config_ref(
    doc: Manifests, obj: K8sObject, ref: Node, key: str | None, line: int | None = None
) -> list[Finding]:
    if ref.text_at("optional") == "true":
        return []
    name = ref.text_at("name") or ""
    config = doc.find("ConfigMap", name, obj.namespace)
    if config is None:
        return [
            Finding(
                ref.line,
                f"{obj.label} references ConfigMap {name!r}, which this file does not define",
                "define the ConfigMap (or fix the name)",
            )
        ]
    keys = {
        k
        for part in ("data", "binaryData")
        for k, _ in (config.node.get(part) or Node({}, 0)).entries()
    }
    if key is not None and key not in keys:
        return [
            Finding(
                line or ref.line,
                f"{obj.label} reads key {key!r} of ConfigMap {name!r}, which has only "
                f"{sorted(keys)}",
                "use one of its keys (or add the key to the ConfigMap)",
            )
        ]
    return []


def _at(node: Node | None, *keys: str) -> Node | None:
    return node.at(*keys) if node is not None else None


def _effective(own: Node | None, pod: Node | None, key: str) -> object:
    """A container's security setting, falling back to the pod's."""
    for node in (own, pod):
        value = node.get(key) if node is not None else None
        if value is not None:
            return value.value
    return None
