"""Terraform rules about the configuration itself: versions, state, variables and secrets.

The AWS resource rules (tags, S3, security groups) are in `terraform_aws`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from prep.labs.config_rules.base import Finding, parser, rule
from prep.labs.config_rules.secret_values import looks_secret, secret_in_value, secret_literal
from prep.labs.config_rules.terraform_model import Argument, Block, Config, Expr, parse_terraform

#: Providers built into Terraform, which need no required_providers entry.
_BUILT_IN = frozenset({"terraform"})
#: Backends whose state locking is always on.
_ALWAYS_LOCKED = frozenset({"remote", "azurerm", "gcs", "pg", "kubernetes", "cos"})
#: One part of a version constraint: an operator and a version.
_CONSTRAINT = re.compile(r"\s*(~>|>=|<=|!=|>|<|=)?\s*v?(\d+(?:\.\d+)*)(?:-[0-9A-Za-z.-]+)?\s*")
#: Name parts that make a secret-looking Terraform argument a setting about a secret:
#: `public_key` of a key pair, `secret_arn`, `password_policy`.
_NOT_SECRET = frozenset({"PUBLIC"})
_ABOUT_SECRET = frozenset({"ARN", "ARNS", "IDS", "VERSION", "POLICY"})

parser("terraform")(parse_terraform)


def secret_name(name: str) -> bool:
    """A name such as db_password, access_key or auth_token (not public_key, secret_arn)."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", name.upper()) if p]
    if not parts or parts[-1] in _ABOUT_SECRET or _NOT_SECRET & set(parts):
        return False
    return looks_secret(name)


@rule(
    "terraform.pinned-providers",
    "terraform",
    "every provider is in required_providers with a version constraint that has an upper bound",
    """Without a constraint, `terraform init` on a fresh checkout (a CI runner, a colleague's
    laptop) installs the newest provider release, and a new major version renames arguments,
    changes defaults and can plan to replace resources. Declaring each provider's source and a
    bounded constraint such as `~> 5.0` (any 5.x) keeps upgrades deliberate; the lock file
    (.terraform.lock.hcl) then pins the exact build within that range. A lower bound alone
    (`>= 5.0`) still lets the next major version in.""",
)
def _pinned_providers(config: Config) -> list[Finding]:
    findings = []
    declared: dict[str, Argument] = {}
    for block in config.settings("required_providers"):
        for argument in block.arguments.values():
            declared.setdefault(argument.name, argument)
            findings.extend(_provider_constraint(argument))
    for name, line in _providers_used(config).items():
        if name not in declared and name not in _BUILT_IN:
            findings.append(
                Finding(
                    line,
                    f"provider {name} is used but not declared in required_providers, so "
                    "init installs whatever version is newest",
                    f'declare it: {name} = {{ source = "hashicorp/{name}", version = "~> X.Y" }}',
                )
            )
    return sorted(findings, key=lambda f: f.line)


def _provider_constraint(argument: Argument) -> list[Finding]:
    name, value = argument.name, argument.value
    version = value.get("version") if isinstance(value, dict) else value
    fix = 'give it a bounded constraint, such as version = "~> 5.0" or ">= 5.0, < 6.0"'
    if version is None:
        return [Finding(argument.line, f"provider {name} has no version constraint", fix)]
    if not isinstance(version, str) or not _bounded(version):
        shown = version.text if isinstance(version, Expr) else version
        if isinstance(version, str) and "~>" in version:
            fix += " (with one number, as in ~> 5, the upper bound is unclear: write ~> 5.0)"
        return [
            Finding(
                argument.line,
                f"the constraint {shown!r} of provider {name} has no upper bound, so a new "
                "major version can be installed",
                fix,
            )
        ]
    return []


def _bounded(constraint: str) -> bool:
    """True when some part of the constraint caps the version (`~> 5.0`, `< 6`, `= 5.31.0`)."""
    capped = False
    for part in constraint.split(","):
        match = _CONSTRAINT.fullmatch(part)
        if match is None:
            return False
        operator, version = match.group(1) or "=", match.group(2)
        if operator in ("=", "<", "<=") or (operator == "~>" and "." in version):
            capped = True
    return capped


def _providers_used(config: Config) -> dict[str, int]:
    """Provider local name -> first line using it (a provider block or a resource type)."""
    used: dict[str, int] = {}
    for block in config.blocks:
        if block.type == "provider":
            used.setdefault(block.labels[0], block.line)
        elif block.type in ("resource", "data", "ephemeral"):
            # `provider = google-beta` or `aws.west` picks the provider; else the type's prefix.
            chosen = block.value("provider")
            name = chosen.text if isinstance(chosen, Expr) else block.labels[0]
            used.setdefault(name.split(".")[0].split("_")[0], block.line)
    return used


@rule(
    "terraform.required-version",
    "terraform",
    "the terraform block sets required_version",
    """The configuration uses language features and a state format of some Terraform release;
    an older binary may misread it and a newer one may upgrade the state so that teammates on
    the old version can no longer use it. `required_version` makes every run on a mismatched
    binary stop with a clear error instead. It also documents which versions the code was
    tested with.""",
)
def _required_version(config: Config) -> list[Finding]:
    blocks = config.of("terraform")
    if not blocks:
        return [
            Finding(
                1,
                "there is no terraform block, so any Terraform version may run this code",
                'add terraform { required_version = ">= 1.6, < 2.0" }',
            )
        ]
    for block in blocks:
        value = block.value("required_version")
        if isinstance(value, str) and value.strip():
            return []
    return [
        Finding(
            blocks[0].line_of("required_version"),
            "the terraform block does not set required_version to a version constraint",
            'add required_version = ">= 1.6, < 2.0" (the versions you test with)',
        )
    ]


@rule(
    "terraform.locked-backend",
    "terraform",
    "state lives in a remote backend that locks it",
    """With the default local backend the state file sits on one machine: nobody else can
    apply, and losing the disk loses the record of what exists. A remote backend shares it,
    but two applies at once can still both read the old state and overwrite each other's
    changes unless the backend takes a lock. The s3 backend locks only when asked to, with
    `use_lockfile = true` (Terraform 1.10+) or, in older setups, a DynamoDB table in
    `dynamodb_table`. Settings passed with -backend-config are invisible here: declare the
    locking setting in the block.""",
)
def _locked_backend(config: Config) -> list[Finding]:
    if config.settings("cloud"):
        return []  # HCP Terraform stores and locks state itself
    backends = config.settings("backend")
    if not backends:
        blocks = config.of("terraform")
        return [
            Finding(
                blocks[0].line if blocks else 1,
                "no backend is configured, so the state is a local file",
                'add backend "s3" { bucket = ..., key = ..., region = ..., use_lockfile = true }',
            )
        ]
    backend = backends[0]
    kind = backend.labels[0] if backend.labels else ""
    problem = _lock_problem(backend, kind)
    if problem is None:
        return []
    return [Finding(backend.line, problem[0], problem[1])]


def _lock_problem(backend: Block, kind: str) -> tuple[str, str] | None:
    if kind in _ALWAYS_LOCKED:
        return None
    if kind == "local":
        return "the local backend keeps the state on one machine", "use a remote backend"
    if kind == "s3":
        if backend.value("use_lockfile") in (True, "true"):
            return None
        table = backend.value("dynamodb_table")
        if isinstance(table, str) and table.strip():
            return None
        return (
            "the s3 backend does not lock the state, so two applies can overwrite each other",
            "set use_lockfile = true (or dynamodb_table on Terraform before 1.10)",
        )
    if kind == "consul":
        if backend.value("lock") in (False, "false"):
            return "the consul backend has lock = false", "remove lock = false"
        return None
    if kind == "http":
        if backend.value("lock_address") is None:
            return "the http backend has no lock_address, so it does not lock", "set it"
        return None
    if kind == "oss":
        if backend.value("tablestore_table") is None:
            return "the oss backend has no tablestore_table to lock with", "set it"
        return None
    return f"{kind!r} is not a backend Terraform has", "use s3, gcs, azurerm or remote"


@rule(
    "terraform.no-hardcoded-secrets",
    "terraform",
    "no password, secret key, token or access key is written into the code",
    """A .tf file is committed, reviewed and copied into CI logs and plan output, so a literal
    password or access key there is shared with everyone who can read the repository, for as
    long as its history exists. Credentials for the provider come from the environment or an
    assumed role; application secrets come from a variable marked sensitive (fed by CI) or are
    generated and stored by a secrets manager. An access key id (AKIA...) is found by its
    shape, whatever the argument is called.""",
)
def _no_hardcoded_secrets(config: Config) -> list[Finding]:
    findings = []
    for top in config.blocks:
        for block in top.walk():
            for argument in block.arguments.values():
                if block.type == "variable" and argument.name == "default":
                    finding = _secret_default(block, argument)
                else:
                    finding = _secret_argument(argument.name, argument.value, argument.line)
                if finding is not None:
                    findings.append(finding)
    return findings


def _secret_default(variable: Block, default: Argument) -> Finding | None:
    value, name = default.value, variable.name
    if isinstance(value, str) and secret_name(name) and secret_literal(name, value):
        return Finding(
            default.line,
            f"variable {name} has a secret as its default value",
            f"remove the default; pass the value from CI (TF_VAR_{name})",
        )
    return _secret_argument("default", value, default.line, f"the default of variable {name}")


def _secret_argument(name: str, value: Any, line: int, label: str = "") -> Finding | None:
    for key, item in _strings(name, value):
        held = secret_in_value(item.text if isinstance(item, Expr) else item)
        if held is None and isinstance(item, str) and secret_name(key) and not _names(item):
            held = "a secret written as a literal" if secret_literal(key, item) else None
        if held is not None:
            return Finding(
                line,
                f"{label if label and key == name else key} holds {held}",
                "read it from a sensitive variable, the environment or a secrets manager",
            )
    return None


def _names(value: str) -> bool:
    """A value that names a key or secret rather than holding it: an ARN or a KMS alias."""
    return value.startswith(("arn:", "alias/"))


def _strings(name: str, value: Any) -> Iterator[tuple[str, str | Expr]]:
    """(the name it is set under, the string or expression) for each one in the value."""
    if isinstance(value, (str, Expr)):
        yield name, value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(name, item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, item)


@rule(
    "terraform.documented-variables",
    "terraform",
    "every variable declares a type and a description",
    """Variables are the module's interface. Without a type, Terraform accepts any value and
    the mistake surfaces deep inside a resource, or as a surprising conversion (the string
    "false" is true in some contexts); with one, a wrong value fails at plan time, naming the
    variable. The description is what `terraform plan` prompts with and what documentation
    generators print, so the next person knows what to pass.""",
)
def _documented_variables(config: Config) -> list[Finding]:
    findings = []
    for variable in config.of("variable"):
        missing = [n for n in ("type", "description") if not _set(variable.value(n))]
        if missing:
            findings.append(
                Finding(
                    variable.line,
                    f"variable {variable.name} has no {' and no '.join(missing)}",
                    "declare " + " and ".join(missing),
                )
            )
    return findings


def _set(value: Any) -> bool:
    return value is not None and value != ""


@rule(
    "terraform.sensitive-values",
    "terraform",
    "variables and outputs that carry secrets are marked sensitive = true",
    """Terraform prints variable and output values in plan and apply output, which ends up in
    CI logs that many people can read. `sensitive = true` replaces the value with
    (sensitive value) in that output and makes Terraform track the sensitivity through every
    expression that uses it. Marking does not encrypt the state: the state file itself must be
    protected (an encrypted, access-controlled backend).""",
)
def _sensitive_values(config: Config) -> list[Finding]:
    findings = []
    sensitive = {v.name for v in config.of("variable") if _is_true(v.value("sensitive"))}
    for variable in config.of("variable"):
        if secret_name(variable.name) and variable.name not in sensitive:
            findings.append(
                Finding(
                    variable.line,
                    f"variable {variable.name} is named like a secret but is not marked sensitive",
                    "add sensitive = true",
                )
            )
    for output in config.of("output"):
        if _is_true(output.value("sensitive")):
            continue
        value = output.get("value")
        reason = _secret_reference(value, sensitive) if value is not None else None
        if reason is None and secret_name(output.name):
            reason = "is named like a secret"
        if reason is not None:
            findings.append(
                Finding(
                    output.line,
                    f"output {output.name} {reason} but is not marked sensitive",
                    "add sensitive = true (read it with terraform output -raw when needed)",
                )
            )
    return findings


def _secret_reference(value: Argument, sensitive: set[str]) -> str | None:
    """How the value reads a secret: a sensitive or secret-named variable, or a secret
    attribute of a resource, data source, module or local."""
    for ref in sorted(value.refs):
        if ref[0] == "var" and (ref[1] in sensitive or secret_name(ref[1])):
            return f"reads var.{ref[1]}, a secret,"
        if ref[0] == "data" and len(ref) >= 4 and secret_name(ref[3]):
            return f"reads {'.'.join(ref[:4])}, a secret,"
        if ref[0] == "local" and secret_name(ref[1]):
            return f"reads local.{ref[1]}, a secret,"
        if ref[0] not in ("var", "data", "local") and len(ref) >= 3 and secret_name(ref[2]):
            return f"reads {'.'.join(ref[:3])}, a secret,"
    return None


def _is_true(value: Any) -> bool:
    return value is True or value == "true"
