"""Terraform rules about AWS resources: tagging, S3 buckets, security group ingress.

Tagging is checked one way only: `default_tags` in the aws provider. Tags written on each
resource do not satisfy it, because the rule cannot tell which of the hundreds of AWS
resource types take tags, and because one provider-level map is the pattern that cannot
forget a resource.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from prep.labs.config_rules.base import Finding, rule
from prep.labs.config_rules.terraform_model import Block, Config

_PUBLIC_ACCESS_FLAGS = (
    "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets",
)  # fmt: skip
_SSE_ALGORITHMS = frozenset({"AES256", "aws:kms", "aws:kms:dsse"})
_WORLD = frozenset({"0.0.0.0/0", "::/0"})
_WEB_PORTS = frozenset({80, 443})
_ALL_PROTOCOLS = frozenset({"-1", "all"})


@rule(
    "terraform.default-tags",
    "terraform",
    "every aws provider sets non-empty default_tags",
    """Tags are how an AWS account answers "what is this, whose is it, what does it cost":
    cost allocation reports, IAM conditions, cleanup scripts and incident responders all read
    them. Setting them once in the provider's default_tags block applies them to every
    taggable resource that provider creates, including ones added later by someone who never
    thought about tags; resources can still add their own tags on top. Each aws provider
    block (aliases included) needs its own default_tags.""",
)
def _default_tags(config: Config) -> list[Finding]:
    providers = [p for p in config.of("provider") if p.labels[0] == "aws"]
    if not providers:
        aws = [b for b in config.of("resource") if b.labels[0].startswith("aws_")]
        if not aws:
            return []
        return [
            Finding(
                aws[0].line,
                "the aws resources use the implicit aws provider, which sets no default_tags",
                'add provider "aws" { default_tags { tags = { Project = ..., Owner = ... } } }',
            )
        ]
    findings = []
    for provider in providers:
        alias = provider.value("alias")
        which = f"aws provider {alias!r}" if isinstance(alias, str) else "the aws provider"
        blocks = provider.nested("default_tags")
        if not blocks:
            findings.append(
                Finding(
                    provider.line,
                    f"{which} has no default_tags",
                    "add default_tags { tags = { Project = ..., Environment = ..., Owner = ... } }",
                )
            )
        elif blocks[0].value("tags") in (None, {}):
            findings.append(
                Finding(
                    blocks[0].line_of("tags"),
                    f"the default_tags of {which} set no tags",
                    "list the tags: tags = { Project = ..., Environment = ..., Owner = ... }",
                )
            )
    return findings


@rule(
    "terraform.s3-public-access-block",
    "terraform",
    "every S3 bucket has a public access block with all four settings true",
    """A bucket becomes public through an ACL or a bucket policy, and both are easy to add by
    mistake (a copied policy with "Principal": "*", an upload with a public-read ACL). The
    public access block is the guard rail that overrides them: block_public_acls and
    ignore_public_acls stop ACLs, block_public_policy and restrict_public_buckets stop
    policies. Leaving any of the four false leaves that path open. An account-wide
    aws_s3_account_public_access_block with all four true covers every bucket.""",
)
def _s3_public_access_block(config: Config) -> list[Finding]:
    account = config.resources("aws_s3_account_public_access_block")
    if any(not _flags_off(block) for block in account):
        return []
    findings = []
    for bucket in config.resources("aws_s3_bucket"):
        blocks = _attached(config, "aws_s3_bucket_public_access_block", bucket)
        if not blocks:
            findings.append(
                Finding(
                    bucket.line,
                    f"bucket {bucket.address} has no aws_s3_bucket_public_access_block",
                    "add one with bucket = "
                    f"{bucket.address}.id and all four block/ignore/restrict settings true",
                )
            )
        for block in blocks:
            findings.extend(_flags_off(block))
    return sorted(findings, key=lambda f: f.line)


def _flags_off(block: Block) -> list[Finding]:
    findings = []
    unset = [flag for flag in _PUBLIC_ACCESS_FLAGS if block.get(flag) is None]
    if unset:
        findings.append(
            Finding(
                block.line,
                f"{block.address} leaves {', '.join(unset)} unset, which means false",
                "set all four to true",
            )
        )
    for flag in _PUBLIC_ACCESS_FLAGS:
        argument = block.get(flag)
        if argument is not None and argument.value is not True:
            findings.append(
                Finding(argument.line, f"{block.address} does not set {flag} to true", "set it")
            )
    return findings


@rule(
    "terraform.s3-encryption",
    "terraform",
    "every S3 bucket declares its default server-side encryption",
    """S3 has encrypted new objects with S3-managed keys by default since 2023, but a bucket
    whose encryption is declared in code says which key protects the data: with aws:kms and a
    customer managed key, reading an object also needs kms:Decrypt on that key, access is
    logged in CloudTrail and the key can be disabled in an incident. Declaring it also keeps
    the setting under review and out of reach of console drift. The separate
    aws_s3_bucket_server_side_encryption_configuration resource is the current form; the
    inline block of aws_s3_bucket is deprecated but still counted.""",
)
def _s3_encryption(config: Config) -> list[Finding]:
    findings = []
    resource = "aws_s3_bucket_server_side_encryption_configuration"
    for bucket in config.resources("aws_s3_bucket"):
        configs = _attached(config, resource, bucket)
        configs += bucket.nested("server_side_encryption_configuration")
        if not configs:
            findings.append(
                Finding(
                    bucket.line,
                    f"bucket {bucket.address} declares no server-side encryption",
                    f"add {resource} with rule {{ apply_server_side_encryption_by_default "
                    '{ sse_algorithm = "aws:kms" } }',
                )
            )
        for block in configs:
            findings.extend(_encryption_problems(block))
    return sorted(findings, key=lambda f: f.line)


def _encryption_problems(block: Block) -> list[Finding]:
    defaults = [
        default
        for rule_block in block.nested("rule")
        for default in rule_block.nested("apply_server_side_encryption_by_default")
    ]
    if not defaults:
        return [
            Finding(
                block.line,
                f"{block.address} has no rule with apply_server_side_encryption_by_default",
                "add rule { apply_server_side_encryption_by_default "
                '{ sse_algorithm = "aws:kms" } }',
            )
        ]
    findings = []
    for default in defaults:
        algorithm = default.value("sse_algorithm")
        if algorithm is None or (isinstance(algorithm, str) and algorithm not in _SSE_ALGORITHMS):
            findings.append(
                Finding(
                    default.line_of("sse_algorithm"),
                    f"sse_algorithm is {algorithm!r}, not an S3 encryption algorithm",
                    'use "aws:kms" (with kms_master_key_id) or "AES256"',
                )
            )
    return findings


def _attached(config: Config, resource_type: str, bucket: Block) -> list[Block]:
    """The `resource_type` resources whose `bucket` argument names this bucket, by reference
    (aws_s3_bucket.<name>.id or .bucket) or by the same literal bucket name."""
    name = bucket.value("bucket")
    attached = []
    for block in config.resources(resource_type):
        argument = block.get("bucket")
        if argument is None:
            continue
        if ("aws_s3_bucket", bucket.labels[1]) in argument.refs or (
            isinstance(name, str) and argument.value == name
        ):
            attached.append(block)
    return attached


@rule(
    "terraform.restricted-ingress",
    "terraform",
    "security groups open only ports 80 and 443 (TCP) to 0.0.0.0/0 or ::/0",
    """Anything reachable from the whole internet is scanned within minutes of being created:
    SSH, database ports and admin consoles open to 0.0.0.0/0 get brute-forced and exploited.
    Only the public web ports belong there (80 to redirect, 443 to serve), ideally on the load
    balancer alone; everything else is allowed from the VPC, from another security group
    (referenced_security_group_id, security_groups) or not at all, with SSM Session Manager
    replacing SSH. A rule for protocol -1 opens every port.""",
)
def _restricted_ingress(config: Config) -> list[Finding]:
    findings = []
    for where, rule_args, line_of in _ingress_rules(config):
        open_line = next(
            (line_of(name) for name in _CIDR_ARGUMENTS if _world(rule_args.get(name))), None
        )
        if open_line is None or _web_only(rule_args):
            continue
        findings.append(
            Finding(
                open_line,
                f"{where} opens {_ports(rule_args)} to the whole internet",
                "allow only 80/443 from 0.0.0.0/0; allow other ports from the VPC CIDR or "
                "another security group, and use SSM Session Manager instead of SSH",
            )
        )
    return sorted(findings, key=lambda f: f.line)


_CIDR_ARGUMENTS = ("cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6")


def _ingress_rules(
    config: Config,
) -> Iterator[tuple[str, dict[str, Any], Callable[[str], int]]]:
    """(where, the rule's arguments as values, name -> line) of every ingress rule."""
    for group in config.resources("aws_security_group"):
        for block in group.nested("ingress"):
            yield f"an ingress rule of {group.address}", _values(block), block.line_of
        listed = group.get("ingress")
        if listed is not None and isinstance(listed.value, list):
            for item in listed.value:
                if isinstance(item, dict):
                    yield f"an ingress rule of {group.address}", item, _at(listed.line)
    for block in config.resources("aws_security_group_rule"):
        if block.value("type") == "ingress":
            yield block.address, _values(block), block.line_of
    for block in config.resources("aws_vpc_security_group_ingress_rule"):
        values = _values(block)
        values.setdefault("protocol", values.get("ip_protocol"))
        yield block.address, values, block.line_of


def _values(block: Block) -> dict[str, Any]:
    return {name: argument.value for name, argument in block.arguments.items()}


def _at(line: int) -> Callable[[str], int]:
    return lambda _name: line


def _world(value: Any) -> bool:
    if isinstance(value, str):
        return value in _WORLD
    return isinstance(value, list) and any(item in _WORLD for item in value)


def _web_only(args: dict[str, Any]) -> bool:
    protocol = _protocol(args)
    low, high = _port(args.get("from_port")), _port(args.get("to_port"))
    return protocol in ("tcp", "6") and low is not None and low == high and low in _WEB_PORTS


def _protocol(args: dict[str, Any]) -> str | None:
    value = args.get("protocol")
    return str(value).lower() if isinstance(value, (str, int)) else None


def _port(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _ports(args: dict[str, Any]) -> str:
    protocol = _protocol(args)
    if protocol in _ALL_PROTOCOLS:
        return "every port and protocol"
    low, high = _port(args.get("from_port")), _port(args.get("to_port"))
    if low is None or high is None:
        return "ports that are not written as numbers"
    ports = f"port {low}" if low == high else f"ports {low}-{high}"
    return f"{ports}/{protocol}"
