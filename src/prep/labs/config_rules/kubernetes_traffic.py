"""Kubernetes rules about how traffic and scaling find pods: Services, Ingress, HPA, canary."""

from __future__ import annotations

from prep.labs.config_rules.base import Finding, rule
from prep.labs.config_rules.kubernetes_model import (
    LONG_RUNNING,
    K8sObject,
    Manifests,
    container_ports,
    selector_matches,
    string_map,
)
from prep.labs.config_rules.yaml_tree import Node

_PATH_TYPES = ("Prefix", "Exact", "ImplementationSpecific")
_SCALABLE = ("Deployment", "StatefulSet", "ReplicaSet")


@rule(
    "k8s.service-selector",
    "kubernetes",
    "each Service selects the pods of a workload in the file, on a port they declare",
    """A Service whose selector matches no pod is accepted without complaint and simply has no
    endpoints: requests to it are refused while everything looks deployed. The same happens
    quietly when its targetPort is not the port the container listens on. Checking the selector
    against the pod template labels, and the target port against the declared container ports,
    catches both before the first request does.""",
)
def _service_selector(doc: Manifests) -> list[Finding]:
    services = doc.of_kind("Service")
    if not services:
        return [Finding(1, "the file defines no Service", "expose the workload with a Service")]
    findings = []
    for service in services:
        if service.node.text_at("spec", "type") == "ExternalName":
            continue
        selector_node = service.node.at("spec", "selector")
        selector = string_map(selector_node)
        if not selector:
            findings.append(
                Finding(
                    service.line,
                    f"Service {service.name} has no selector, so it gets no endpoints",
                    "select the pods by their labels",
                )
            )
            continue
        matched = _selected(doc, service)
        if not matched:
            assert selector_node is not None
            findings.append(
                Finding(
                    selector_node.line,
                    f"Service {service.name} selects {selector}, but no workload's pods carry "
                    "those labels",
                    "use labels from a pod template (spec.template.metadata.labels)",
                )
            )
            continue
        findings += _target_ports(service, matched)
    return findings


def _selected(doc: Manifests, service: K8sObject) -> list[K8sObject]:
    selector = string_map(service.node.at("spec", "selector"))
    return [
        w
        for w in doc.of_kind(*LONG_RUNNING)
        if w.namespace == service.namespace and selector.items() <= w.pod_labels().items()
    ]


def _target_ports(service: K8sObject, matched: list[K8sObject]) -> list[Finding]:
    numbers: set[int] = set()
    names: set[str] = set()
    for workload in matched:
        for container in workload.containers(init=False):
            more_numbers, more_names = container_ports(container)
            numbers |= more_numbers
            names |= more_names
    findings = []
    for port in (service.node.at("spec", "ports") or Node([], 0)).maps():
        target = port.get("targetPort") or port.get("port")
        if target is None:
            continue
        value = target.value
        if (isinstance(value, str) and value not in names) or (
            isinstance(value, int) and numbers and value not in numbers
        ):
            declared = sorted(numbers) + sorted(names)
            findings.append(
                Finding(
                    target.line,
                    f"Service {service.name} sends traffic to port {value!r}, which its pods "
                    f"do not declare ({declared or 'none'})",
                    "set targetPort to the container port the application listens on",
                )
            )
    return findings


@rule(
    "k8s.hpa-target",
    "kubernetes",
    "each HorizontalPodAutoscaler scales a workload of this file whose containers request "
    "the resources it measures",
    """An HPA that names a Deployment that does not exist is valid YAML and does nothing; one
    that scales on CPU utilisation of containers with no CPU request cannot compute a
    utilisation at all and reports <unknown> for ever. Both fail silently, so the service
    does not scale on the day the traffic arrives. The target must exist, the replica bounds
    must make sense, and every measured resource must be requested.""",
)
def _hpa_target(doc: Manifests) -> list[Finding]:
    hpas = doc.of_kind("HorizontalPodAutoscaler")
    if not hpas:
        return [
            Finding(
                1,
                "the file defines no HorizontalPodAutoscaler",
                "add an autoscaling/v2 HorizontalPodAutoscaler whose scaleTargetRef names the "
                "Deployment",
            )
        ]
    findings = []
    for hpa in hpas:
        ref = hpa.node.at("spec", "scaleTargetRef")
        target = _hpa_workload(doc, hpa)
        if ref is None or target is None:
            kind = ref.text_at("kind") if ref is not None else None
            name = ref.text_at("name") if ref is not None else None
            known = [w.label for w in doc.of_kind(*_SCALABLE)]
            findings.append(
                Finding(
                    ref.line if ref is not None else hpa.line,
                    f"HPA {hpa.name} targets {kind}/{name}, which is not in this file "
                    f"(workloads: {known or 'none'})",
                    "point scaleTargetRef (apiVersion apps/v1, kind, name) at the Deployment",
                )
            )
            continue
        findings += _replica_bounds(hpa)
        for resource in _measured_resources(hpa):
            for container in target.containers(init=False):
                if container.at("resources", "requests", resource) is None:
                    findings.append(
                        Finding(
                            container.line,
                            f"HPA {hpa.name} scales on {resource} utilisation, but container "
                            f"{container.text_at('name')!r} of {target.label} requests no "
                            f"{resource}",
                            f"set resources.requests.{resource}: utilisation is measured "
                            "against it",
                        )
                    )
    return findings


def _hpa_workload(doc: Manifests, hpa: K8sObject) -> K8sObject | None:
    ref = hpa.node.at("spec", "scaleTargetRef")
    if ref is None or ref.text_at("apiVersion") not in (None, "apps/v1"):
        return None
    kind, name = ref.text_at("kind") or "", ref.text_at("name") or ""
    return doc.find(kind, name, hpa.namespace) if kind in _SCALABLE else None


def _replica_bounds(hpa: K8sObject) -> list[Finding]:
    spec = hpa.node.get("spec") or Node({}, hpa.line)
    low = spec.get("minReplicas")
    high = spec.get("maxReplicas")
    low_value = low.value if low is not None else 1
    if high is None or not isinstance(high.value, int):
        return [Finding(spec.line, f"HPA {hpa.name} has no maxReplicas", "set maxReplicas")]
    if not isinstance(low_value, int) or low_value < 1 or low_value > high.value:
        return [
            Finding(
                high.line,
                f"HPA {hpa.name} has minReplicas {low_value} and maxReplicas {high.value}",
                "use 1 <= minReplicas <= maxReplicas (2 or more keeps a spare pod)",
            )
        ]
    return []


def _measured_resources(hpa: K8sObject) -> set[str]:
    """Resources scaled on as a utilisation of the request (CPU when no metric is given)."""
    metrics = hpa.node.at("spec", "metrics")
    if metrics is None:
        return {"cpu"}
    out = set()
    for metric in metrics.maps():
        for key in ("resource", "containerResource"):
            source = metric.get(key)
            if source is not None and source.text_at("target", "type") == "Utilization":
                out.add(source.text_at("name") or "cpu")
    return out


@rule(
    "k8s.hpa-owns-replicas",
    "kubernetes",
    "a workload scaled by an HPA leaves spec.replicas unset",
    """Once an HPA manages a Deployment, the replica count belongs to the HPA. If the manifest
    also sets spec.replicas, every `kubectl apply` (every deploy) resets the count to that
    number, so a service scaled out under load drops back to its baseline in the middle of the
    peak until the HPA notices again. Leaving replicas out lets the HPA keep its count.""",
)
def _hpa_owns_replicas(doc: Manifests) -> list[Finding]:
    findings = []
    for hpa in doc.of_kind("HorizontalPodAutoscaler"):
        target = _hpa_workload(doc, hpa)
        replicas = target.node.at("spec", "replicas") if target is not None else None
        if target is not None and replicas is not None:
            findings.append(
                Finding(
                    replicas.line,
                    f"{target.label} sets replicas although HPA {hpa.name} scales it",
                    "remove spec.replicas and let the HPA's minReplicas set the floor",
                )
            )
    return findings


@rule(
    "k8s.ingress-backends",
    "kubernetes",
    "every Ingress path has a pathType and routes to a Service port that exists",
    """An Ingress backend names a Service and one of the Service's own ports (not the
    container's). Pointing it at a Service that does not exist, or at the container port
    instead of the Service port, gives 503s from the ingress controller while every object
    looks healthy. networking.k8s.io/v1 also requires a pathType on every path; Prefix
    matches by path segment, Exact only the exact path.""",
)
def _ingress_backends(doc: Manifests) -> list[Finding]:
    ingresses = doc.of_kind("Ingress")
    if not ingresses:
        return [
            Finding(
                1,
                "the file defines no Ingress",
                "add a networking.k8s.io/v1 Ingress routing to the Services",
            )
        ]
    findings = []
    for ingress in ingresses:
        default = ingress.node.at("spec", "defaultBackend")
        rules = (ingress.node.at("spec", "rules") or Node([], 0)).maps()
        if default is not None:
            findings += _backend(doc, ingress, default)
        if not rules and default is None:
            findings.append(
                Finding(ingress.line, f"Ingress {ingress.name} has no rules", "add host rules")
            )
        for host_rule in rules:
            paths = (host_rule.at("http", "paths") or Node([], 0)).maps()
            if not paths:
                findings.append(
                    Finding(
                        host_rule.line,
                        f"a rule of Ingress {ingress.name} has no paths",
                        "list http.paths with a path, pathType and backend",
                    )
                )
            for path in paths:
                value = path.text_at("path") or ""
                if not value.startswith("/"):
                    findings.append(
                        Finding(path.line, f"path {value!r} must start with /", "fix the path")
                    )
                if path.text_at("pathType") not in _PATH_TYPES:
                    findings.append(
                        Finding(
                            path.line,
                            f"path {value!r} of Ingress {ingress.name} has no valid pathType",
                            "set pathType: Prefix (or Exact)",
                        )
                    )
                backend = path.get("backend")
                if backend is None:
                    findings.append(
                        Finding(path.line, f"path {value!r} has no backend", "add a backend")
                    )
                else:
                    findings += _backend(doc, ingress, backend)
    return findings


def _backend(doc: Manifests, ingress: K8sObject, backend: Node) -> list[Finding]:
    target = backend.get("service")
    if target is None:
        return [
            Finding(
                backend.line,
                f"a backend of Ingress {ingress.name} does not use the v1 form",
                "write backend: {service: {name: ..., port: {number: ...}}}",
            )
        ]
    name = target.text_at("name") or ""
    service = doc.find("Service", name, ingress.namespace)
    if service is None:
        return [
            Finding(
                target.line,
                f"Ingress {ingress.name} routes to Service {name!r}, which is not in this file",
                "route to one of the Services defined here",
            )
        ]
    ports = (service.node.at("spec", "ports") or Node([], 0)).maps()
    numbers = {
        port.value
        for p in ports
        if (port := p.get("port")) is not None and isinstance(port.value, int)
    }
    names = {n for p in ports if (n := p.text_at("name"))}
    number = target.get("port")
    wanted_number = number.get("number") if number is not None else None
    wanted_name = number.text_at("name") if number is not None else None
    if wanted_number is not None and (
        not isinstance(wanted_number.value, int) or wanted_number.value not in numbers
    ):
        return [
            Finding(
                wanted_number.line,
                f"Ingress {ingress.name} uses port {wanted_number.value!r} of Service {name}, "
                f"which exposes {sorted(numbers, key=str)}",
                "use the Service's port (spec.ports[].port), not the container's",
            )
        ]
    if wanted_number is None and (wanted_name is None or wanted_name not in names):
        return [
            Finding(
                (number or target).line,
                f"Ingress {ingress.name} names no port of Service {name} "
                f"(ports: {sorted(numbers, key=str)}, names: {sorted(names)})",
                "set port.number to a Service port (or port.name to its name)",
            )
        ]
    return []


@rule(
    "k8s.canary",
    "kubernetes",
    "a stable and a smaller canary Deployment, told apart by a track label, share one Service",
    """A canary release runs the new version beside the old one and lets a small share of
    real traffic reach it. With plain Deployments the share is set by replica counts: one
    Service selects the labels both have in common (app), each Deployment adds a track label
    (stable, canary) to its own selector so neither adopts the other's pods, and the canary
    runs fewer replicas and a different image. Promotion is then an image bump of stable, and
    rollback is deleting the canary.""",
)
def _canary(doc: Manifests) -> list[Finding]:
    services = doc.of_kind("Service")
    pairs = [(s, [w for w in _selected(doc, s) if w.kind == "Deployment"]) for s in services]
    shared = [(s, ds) for s, ds in pairs if len(ds) >= 2]
    if not shared:
        line = services[0].line if services else 1
        return [
            Finding(
                line,
                "no Service sends traffic to both a stable and a canary Deployment",
                "select only the labels both Deployments share (e.g. app), not track",
            )
        ]
    service, deployments = shared[0]
    findings = []
    canaries = [d for d in deployments if "canary" in d.pod_labels().get("track", "")]
    stables = [d for d in deployments if d not in canaries]
    if not canaries or not stables:
        return [
            Finding(
                service.line,
                f"the Deployments behind Service {service.name} are not told apart by a track "
                "label (track: stable / track: canary)",
                "label the pods of each Deployment with its track",
            )
        ]
    for one in deployments:
        for other in deployments:
            selector = one.node.at("spec", "selector")
            if one is not other and selector_matches(selector, other.pod_labels()):
                assert selector is not None
                findings.append(
                    Finding(
                        selector.line,
                        f"the selector of {one.label} also selects the pods of {other.label}",
                        "add the track label to each Deployment's selector",
                    )
                )
    for canary in canaries:
        count = _replicas(canary)
        if any(count >= _replicas(s) for s in stables):
            node = canary.node.at("spec", "replicas")
            findings.append(
                Finding(
                    node.line if node is not None else canary.line,
                    f"canary {canary.label} runs {count} replicas, as many as stable or more",
                    "give the canary fewer replicas than stable so it gets a small share",
                )
            )
        if _images(canary) == _images(stables[0]):
            findings.append(
                Finding(
                    canary.line,
                    f"canary {canary.label} runs the same image as {stables[0].label}",
                    "the canary runs the new release; stable keeps the current one",
                )
            )
    return findings


def _replicas(deployment: K8sObject) -> int:
    node = deployment.node.at("spec", "replicas")
    return node.value if node is not None and isinstance(node.value, int) else 1


def _images(deployment: K8sObject) -> list[str | None]:
    return [c.text_at("image") for c in deployment.containers(init=False)]
