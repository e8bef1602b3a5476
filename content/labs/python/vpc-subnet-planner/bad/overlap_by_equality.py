"""Planning VPC subnets with the ipaddress module, under AWS's rules."""

import ipaddress
from itertools import combinations
from typing import Any

#: AWS takes the network address, +1 (VPC router), +2 (DNS), +3 (reserved) and the last one.
RESERVED_PER_SUBNET = 5
#: VPCs and their subnets are /16 (65,536 addresses) to /28 (16 addresses).
LARGEST_PREFIX, SMALLEST_PREFIX = 16, 28


def _block(cidr: str) -> ipaddress.IPv4Network:
    """An IPv4 block AWS would accept; ValueError otherwise (host bits set, bad size...)."""
    network = ipaddress.ip_network(cidr)  # strict: "10.0.0.1/24" is a mistake, not a network
    if not isinstance(network, ipaddress.IPv4Network):
        raise ValueError(f"{cidr} is not an IPv4 block")
    if not LARGEST_PREFIX <= network.prefixlen <= SMALLEST_PREFIX:
        raise ValueError(f"{cidr}: AWS blocks are /{LARGEST_PREFIX} to /{SMALLEST_PREFIX}")
    return network


def usable_hosts(cidr: str) -> int:
    return _block(cidr).num_addresses - RESERVED_PER_SUBNET


def reserved_addresses(cidr: str) -> list[str]:
    network = _block(cidr)
    first = network.network_address
    return [str(first + i) for i in range(4)] + [str(network.broadcast_address)]


def plan_subnets(
    vpc_cidr: str, azs: list[str], *, public_prefix: int, private_prefix: int
) -> list[dict[str, Any]]:
    vpc = _block(vpc_cidr)
    if not azs or len(set(azs)) != len(azs):
        raise ValueError("give one or more distinct availability zones")
    for prefix in (public_prefix, private_prefix):
        if not max(vpc.prefixlen, LARGEST_PREFIX) <= prefix <= SMALLEST_PREFIX:
            raise ValueError(f"/{prefix} subnets do not fit AWS's limits inside {vpc}")
    taken: list[ipaddress.IPv4Network] = []
    plan = []
    for tier, prefix in (("private", private_prefix), ("public", public_prefix)):
        for az in azs:
            subnet = _first_free(vpc, prefix, taken)
            taken.append(subnet)
            plan.append(
                {
                    "name": f"{tier}-{az}",
                    "tier": tier,
                    "az": az,
                    "cidr": str(subnet),
                    "usable_hosts": subnet.num_addresses - RESERVED_PER_SUBNET,
                }
            )
    return plan


def _first_free(
    vpc: ipaddress.IPv4Network, prefix: int, taken: list[ipaddress.IPv4Network]
) -> ipaddress.IPv4Network:
    """The lowest block of this size, aligned on its size, that overlaps nothing taken."""
    for candidate in vpc.subnets(new_prefix=prefix):
        if not any(candidate.overlaps(other) for other in taken):
            return candidate
    raise ValueError(f"{vpc} has no free /{prefix} left")


def find_problems(vpc_cidr: str, subnets: list[str]) -> list[list[str]]:
    vpc = _block(vpc_cidr)
    problems: list[list[str]] = []
    parsed: list[tuple[str, ipaddress.IPv4Network]] = []
    for cidr in subnets:
        try:
            network = ipaddress.ip_network(cidr)
        except ValueError:
            problems.append(["invalid", cidr])
            continue
        if not isinstance(network, ipaddress.IPv4Network):
            problems.append(["invalid", cidr])
            continue
        parsed.append((cidr, network))
        if not LARGEST_PREFIX <= network.prefixlen <= SMALLEST_PREFIX:
            problems.append(["size", cidr])
        if not network.subnet_of(vpc):
            problems.append(["outside", cidr])
    for (a, net_a), (b, net_b) in combinations(parsed, 2):
        if net_a == net_b:
            problems.append(["overlap", a, b])
    return problems
