"""Validate the configuration artefacts that lessons show: a Dockerfile or manifest we teach must
be one a real tool would accept.

Each fenced block is checked by what its info string says. The language picks the parser
(``yaml``, ``json``, ``dockerfile``, ``hcl``/``terraform``, ``toml``); an optional second word
picks a schema: ``k8s`` (Kubernetes, validated against the API's own OpenAPI schemas by
kubernetes-validate), ``github-actions``, ``gitlab-ci`` and ``compose`` (the JSON schemas that
check-jsonschema vendors) and ``iam-policy``. A YAML document that carries ``apiVersion`` and
``kind`` is validated as a Kubernetes object even when untagged. ``no-check`` marks a fragment
that is not meant to parse on its own (a Helm template, an excerpt with ``...``).
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import json
import re
import tomllib
from collections.abc import Callable, Iterable
from typing import Any

import yaml

from prep.content.documents import VALIDATED, Example, yaml_reason

SCHEMAS = frozenset({"k8s", "github-actions", "gitlab-ci", "compose", "iam-policy"})
KUBERNETES_VERSION = "1.33"


class ArtefactError(ValueError):
    """What is wrong with one block, phrased for the author."""


def is_artefact(example: Example) -> bool:
    return example.language in VALIDATED


def check_artefact(example: Example) -> str | None:
    """None when the block is valid; otherwise one readable reason."""
    if not example.runs:
        return None
    schema = example.schema
    if schema is not None and schema not in SCHEMAS:
        return f"unknown schema {schema!r} in the fence; use one of: {', '.join(sorted(SCHEMAS))}"
    try:
        _CHECKERS[example.language](example.code, schema)
    except ArtefactError as exc:
        return str(exc)
    return None


# --- YAML -------------------------------------------------------------------------------------


class Yaml12Loader(yaml.SafeLoader):
    """YAML as CI systems and Kubernetes read it: only true/false are booleans.

    PyYAML follows YAML 1.1, where ``on:`` (the trigger key of every GitHub workflow) loads as
    the boolean True and ``no`` as False.
    """


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _gitlab_reference(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # GitLab's `!reference [job, key]` tag: keep the path, as GitLab resolves it at run time.
    assert isinstance(node, yaml.SequenceNode)
    return loader.construct_sequence(node)


Yaml12Loader.add_constructor("!reference", _gitlab_reference)


def load_yaml_documents(text: str) -> list[Any]:
    try:
        return [doc for doc in yaml.load_all(text, Loader=Yaml12Loader) if doc is not None]
    except yaml.YAMLError as exc:
        raise ArtefactError(f"not valid YAML: {yaml_reason(exc)}") from None


def _check_yaml(text: str, schema: str | None) -> None:
    documents = load_yaml_documents(text)
    if not documents:
        raise ArtefactError("the YAML block is empty")
    for number, document in enumerate(documents, 1):
        where = f"document {number}: " if len(documents) > 1 else ""
        try:
            if schema == "k8s" or (schema is None and _looks_like_kubernetes(document)):
                validate_kubernetes(document)
            elif schema in _JSON_SCHEMAS:
                _validate_json_schema(_JSON_SCHEMAS[schema], document)
            elif schema == "iam-policy":
                validate_iam_policy(document)
        except ArtefactError as exc:
            raise ArtefactError(where + str(exc)) from None


def _looks_like_kubernetes(document: Any) -> bool:
    return isinstance(document, dict) and "apiVersion" in document and "kind" in document


# --- Kubernetes -------------------------------------------------------------------------------


def validate_kubernetes(document: Any) -> None:
    """Schema validation by the API's OpenAPI schema, plus the checks the API server adds."""
    import kubernetes_validate

    if not _looks_like_kubernetes(document):
        raise ArtefactError("a Kubernetes object needs apiVersion and kind")
    kind = document["kind"]
    try:
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.SchemaNotFoundError:
        raise ArtefactError(
            f"{kind} in {document['apiVersion']} is not an API of Kubernetes "
            f"{KUBERNETES_VERSION} (removed or misspelt apiVersion?)"
        ) from None
    except kubernetes_validate.ValidationError as exc:
        raise ArtefactError(f"{kind}: {_kubernetes_reason(exc)}") from None
    name = (document.get("metadata") or {}).get("name")
    if not name and not (document.get("metadata") or {}).get("generateName"):
        raise ArtefactError(f"{kind}: metadata.name is required")
    if kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"}:
        _check_selector_matches(document)


def _kubernetes_reason(exc: Any) -> str:
    path = ".".join(str(p) for p in exc.absolute_path)
    return f"{exc.message} (at {path})" if path else str(exc.message)


def _check_selector_matches(document: dict[str, Any]) -> None:
    spec = document.get("spec") or {}
    wanted = (spec.get("selector") or {}).get("matchLabels") or {}
    labels = ((spec.get("template") or {}).get("metadata") or {}).get("labels") or {}
    missing = {k: v for k, v in wanted.items() if labels.get(k) != v}
    if missing:
        raise ArtefactError(
            f"{document['kind']}: spec.selector.matchLabels {missing} does not match "
            "spec.template.metadata.labels (the API server rejects this)"
        )


# --- JSON schemas vendored by check-jsonschema --------------------------------------------------

_JSON_SCHEMAS = {
    "github-actions": "github-workflows",
    "gitlab-ci": "gitlab-ci",
    "compose": "compose-spec",
}


@functools.cache
def _validator(name: str) -> Any:
    import jsonschema

    text = (
        importlib.resources.files("check_jsonschema.builtin_schemas.vendor")
        .joinpath(f"{name}.json")
        .read_text(encoding="utf-8")
    )
    schema = json.loads(text)
    return jsonschema.validators.validator_for(schema)(schema)


def _validate_json_schema(name: str, document: Any) -> None:
    import jsonschema

    errors = sorted(_validator(name).iter_errors(document), key=lambda e: len(list(e.path)))
    if errors:
        best = jsonschema.exceptions.best_match(errors)
        path = ".".join(str(p) for p in best.absolute_path) or "(top level)"
        raise ArtefactError(f"not a valid {name} document at {path}: {best.message}")


# --- IAM policies -----------------------------------------------------------------------------

_IAM_STATEMENT_KEYS = {
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
}


def validate_iam_policy(document: Any) -> None:
    """The grammar of an AWS IAM policy document (identity, resource or trust policy)."""
    if not isinstance(document, dict):
        raise ArtefactError("an IAM policy is a JSON object")
    unknown = set(document) - {"Version", "Id", "Statement"}
    if unknown:
        raise ArtefactError(f"unknown top-level keys in the policy: {sorted(unknown)}")
    if document.get("Version") != "2012-10-17":
        raise ArtefactError('Version must be "2012-10-17" (the only current policy language)')
    statements = document.get("Statement")
    if isinstance(statements, dict):
        statements = [statements]
    if not isinstance(statements, list) or not statements:
        raise ArtefactError("Statement must be a statement or a non-empty list of them")
    for index, statement in enumerate(statements):
        _check_iam_statement(index, statement)


def _check_iam_statement(index: int, statement: Any) -> None:
    where = f"Statement[{index}]"
    if not isinstance(statement, dict):
        raise ArtefactError(f"{where} must be an object")
    unknown = set(statement) - _IAM_STATEMENT_KEYS
    if unknown:
        raise ArtefactError(f"{where} has unknown keys {sorted(unknown)}")
    if statement.get("Effect") not in {"Allow", "Deny"}:
        raise ArtefactError(f'{where}.Effect must be "Allow" or "Deny"')
    if ("Action" in statement) == ("NotAction" in statement):
        raise ArtefactError(f"{where} needs exactly one of Action and NotAction")
    has_principal = "Principal" in statement or "NotPrincipal" in statement
    has_resource = "Resource" in statement or "NotResource" in statement
    if "Resource" in statement and "NotResource" in statement:
        raise ArtefactError(f"{where} cannot have both Resource and NotResource")
    if not has_resource and not has_principal:
        raise ArtefactError(f"{where} needs Resource (or, in a trust policy, Principal)")
    for key in ("Action", "NotAction"):
        for action in _strings(statement.get(key, [])):
            if action != "*" and not re.fullmatch(r"[a-z0-9-]+:[A-Za-z0-9*?]+", action):
                raise ArtefactError(f"{where}.{key} {action!r} is not 'service:Action'")
    for key in ("Resource", "NotResource"):
        for arn in _strings(statement.get(key, [])):
            if arn != "*" and not arn.startswith("arn:"):
                raise ArtefactError(f"{where}.{key} {arn!r} is not an ARN or '*'")


def _strings(value: Any) -> Iterable[str]:
    values = value if isinstance(value, list) else [value]
    for item in values:
        if not isinstance(item, str):
            raise ArtefactError(f"expected strings, found {item!r}")
        yield item


# --- other formats ----------------------------------------------------------------------------


def _check_json(text: str, schema: str | None) -> None:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArtefactError(f"not valid JSON: {exc.msg} (line {exc.lineno})") from None
    if schema == "iam-policy":
        validate_iam_policy(document)
    elif schema == "k8s" or (schema is None and _looks_like_kubernetes(document)):
        validate_kubernetes(document)
    elif schema in _JSON_SCHEMAS:
        _validate_json_schema(_JSON_SCHEMAS[schema], document)


DOCKERFILE_INSTRUCTIONS = frozenset(
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK",
        "LABEL", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    }
)  # fmt: skip


def parse_dockerfile(text: str) -> list[dict[str, Any]]:
    """Instructions as dockerfile-parse reads them (continuations joined, comments dropped)."""
    from dockerfile_parse import DockerfileParser

    parser = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8")))
    return [i for i in parser.structure if i["instruction"] not in {"COMMENT"}]


def _check_dockerfile(text: str, schema: str | None) -> None:
    instructions = parse_dockerfile(text)
    if not instructions:
        raise ArtefactError("the Dockerfile has no instructions")
    stages: list[str] = []
    seen_from = False
    for ins in instructions:
        name, line = ins["instruction"], ins["startline"] + 1
        if name not in DOCKERFILE_INSTRUCTIONS:
            raise ArtefactError(f"line {line}: unknown instruction {name}")
        if not seen_from and name not in {"FROM", "ARG"}:
            raise ArtefactError(f"line {line}: {name} before the first FROM")
        if name == "FROM":
            seen_from = True
            words = ins["value"].split()
            words = [w for w in words if not w.startswith("--")]
            if not words:
                raise ArtefactError(f"line {line}: FROM needs an image")
            if len(words) == 3 and words[1].upper() == "AS":
                stages.append(words[2].lower())
            elif len(words) != 1:
                raise ArtefactError(f"line {line}: FROM takes 'image [AS name]'")
        if name == "COPY":
            source = re.search(r"--from=(\S+)", ins["value"])
            if source and not _known_stage(source.group(1), stages):
                raise ArtefactError(
                    f"line {line}: COPY --from={source.group(1)} names no earlier stage"
                )
        if not ins["value"].strip():
            raise ArtefactError(f"line {line}: {name} has no arguments")


def _known_stage(reference: str, stages: list[str]) -> bool:
    if reference.isdigit():
        return int(reference) < len(stages) + 1
    # An image reference (it has a registry path, a tag or a digest) is allowed too.
    return reference.lower() in stages or any(c in reference for c in "/:@")


def _check_hcl(text: str, schema: str | None) -> None:
    import hcl2

    try:
        hcl2.loads(text)
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ArtefactError(f"not valid HCL/Terraform: {first}") from None


def _check_toml(text: str, schema: str | None) -> None:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ArtefactError(f"not valid TOML: {exc}") from None


_CHECKERS: dict[str, Callable[[str, str | None], None]] = {
    "yaml": _check_yaml,
    "yml": _check_yaml,
    "json": _check_json,
    "dockerfile": _check_dockerfile,
    "hcl": _check_hcl,
    "terraform": _check_hcl,
    "toml": _check_toml,
}
