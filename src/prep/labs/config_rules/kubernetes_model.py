"""Kubernetes manifests: the objects of a multi-document YAML file, and their pod templates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from prep.labs.config_rules.base import ConfigError
from prep.labs.config_rules.yaml_tree import Node, load_documents

#: Kinds that run pods, and those that run them for good (so they need probes).
WORKLOADS = frozenset(
    {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"}
)
LONG_RUNNING = frozenset({"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"})
_QUANTITY = re.compile(
    r"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE]([+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?"
)
_SUFFIX = {
    "": 1, "n": Decimal("1e-9"), "u": Decimal("1e-6"), "m": Decimal("1e-3"), "k": 10**3,
    "M": 10**6, "G": 10**9, "T": 10**12, "P": 10**15, "E": 10**18, "Ki": 2**10, "Mi": 2**20,
    "Gi": 2**30, "Ti": 2**40, "Pi": 2**50, "Ei": 2**60,
}  # fmt: skip


@dataclass(frozen=True)
class K8sObject:
    node: Node
    api_version: str
    kind: str
    name: str
    namespace: str

    @property
    def line(self) -> int:
        return self.node.line

    @property
    def label(self) -> str:
        return f"{self.kind}/{self.name}"

    def pod_template(self) -> Node | None:
        """The pod template (metadata + spec) of a workload; None for other kinds."""
        if self.kind == "Pod":
            return self.node
        if self.kind == "CronJob":
            return self.node.at("spec", "jobTemplate", "spec", "template")
        if self.kind in WORKLOADS:
            return self.node.at("spec", "template")
        return None

    def pod_spec(self) -> Node | None:
        template = self.pod_template()
        return template.get("spec") if template is not None else None

    def pod_labels(self) -> dict[str, str]:
        template = self.pod_template()
        labels = template.at("metadata", "labels") if template is not None else None
        return string_map(labels)

    def containers(self, init: bool = True) -> list[Node]:
        spec = self.pod_spec()
        if spec is None:
            return []
        keys = ("initContainers", "containers") if init else ("containers",)
        return [c for key in keys for c in (spec.get(key) or Node([], spec.line)).maps()]


@dataclass(frozen=True)
class Manifests:
    objects: tuple[K8sObject, ...]

    def of_kind(self, *kinds: str) -> list[K8sObject]:
        return [o for o in self.objects if o.kind in kinds]

    def workloads(self) -> list[K8sObject]:
        return self.of_kind(*WORKLOADS)

    def find(self, kind: str, name: str, namespace: str) -> K8sObject | None:
        for obj in self.objects:
            if obj.kind == kind and obj.name == name and obj.namespace == namespace:
                return obj
        return None


def parse_manifests(text: str) -> Manifests:
    """Every object of a manifest file; raises ConfigError for what kubectl would refuse."""
    objects = []
    for doc in load_documents(text):
        if doc is None:
            continue
        if not doc.is_map:
            raise ConfigError(doc.line, "each document must be a Kubernetes object (a mapping)")
        api_version, kind = doc.text_at("apiVersion"), doc.text_at("kind")
        name = doc.text_at("metadata", "name")
        if not api_version or not kind:
            raise ConfigError(doc.line, "every object needs apiVersion and kind")
        if not name:
            raise ConfigError(doc.line, f"the {kind} has no metadata.name")
        namespace = doc.text_at("metadata", "namespace") or "default"
        objects.append(K8sObject(doc, api_version, kind, name, namespace))
    if not objects:
        raise ConfigError(1, "the file holds no Kubernetes objects")
    return Manifests(tuple(objects))


def string_map(node: Node | None) -> dict[str, str]:
    """A mapping of scalars as str -> str (labels, selectors); anything else is skipped."""
    if node is None:
        return {}
    return {k: t for k, v in node.entries() if (t := v.text()) is not None}


def container_name(container: Node) -> str:
    return container.text_at("name") or "(unnamed)"


def container_ports(container: Node) -> tuple[set[int], set[str]]:
    """The numbers and the names of the ports a container declares."""
    numbers: set[int] = set()
    names: set[str] = set()
    for port in (container.get("ports") or Node([], container.line)).maps():
        number = port.get("containerPort")
        if number is not None and isinstance(number.value, int):
            numbers.add(number.value)
        name = port.text_at("name")
        if name:
            names.add(name)
    return numbers, names


def quantity(node: Node | None) -> Decimal | None:
    """A resource quantity (`250m`, `512Mi`, `1.5`, `2e3`) as a number; None if malformed."""
    if node is None or isinstance(node.value, bool):
        return None
    text = node.text()
    match = _QUANTITY.fullmatch(text or "")
    if match is None:
        return None
    try:
        number = Decimal(match.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern only admits decimals
        return None
    if match.group(2):
        return number * Decimal(10) ** int(match.group(2))
    return number * Decimal(str(_SUFFIX[match.group(3) or ""]))


def selector_matches(selector: Node | None, labels: dict[str, str]) -> bool:
    """Whether a LabelSelector (matchLabels and matchExpressions) selects these labels."""
    if selector is None:
        return False
    for key, value in string_map(selector.get("matchLabels")).items():
        if labels.get(key) != value:
            return False
    for expression in (selector.get("matchExpressions") or Node([], 0)).maps():
        key = expression.text_at("key") or ""
        operator = expression.text_at("operator")
        values = (expression.get("values") or Node([], 0)).texts()
        present = key in labels
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and present and labels[key] in values:
            return False
        if (operator == "Exists" and not present) or (operator == "DoesNotExist" and present):
            return False
    return True
