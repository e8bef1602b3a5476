from typing import Any


def usable_hosts(cidr: str) -> int:
    """Addresses an instance can get in this subnet."""
    raise NotImplementedError


def reserved_addresses(cidr: str) -> list[str]:
    """The five addresses AWS keeps for itself, lowest first."""
    raise NotImplementedError


def plan_subnets(
    vpc_cidr: str, azs: list[str], *, public_prefix: int, private_prefix: int
) -> list[dict[str, Any]]:
    """One private and one public subnet per availability zone (see the task for the order)."""
    raise NotImplementedError


def find_problems(vpc_cidr: str, subnets: list[str]) -> list[list[str]]:
    """Everything wrong with a proposed list of subnet CIDRs."""
    raise NotImplementedError
