"""Checks for the VPC subnet planner. Plans are verified independently here (inside the VPC,
no overlap, aligned, AWS sizes) as well as compared with the reference."""

import ipaddress

AZS = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]


def _raises(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except ValueError:
        return True
    return False


def check_usable_hosts(solution):
    out = []
    for cidr, want in [("10.0.1.0/24", 251), ("10.0.0.0/28", 11), ("10.0.0.0/16", 65531),
                       ("172.31.16.0/20", 4091), ("192.168.7.0/27", 27)]:  # fmt: skip
        got = solution.usable_hosts(cidr)
        assert got == want, (
            f"usable_hosts({cidr!r}) = {got}; AWS reserves 5 addresses in every subnet, so "
            f"expected {want}"
        )
        out.append(got)
    for bad in ["10.0.0.0/29", "10.0.0.0/30", "10.0.0.0/15", "10.0.0.1/24", "10.0.0.0/33",
                "not-a-cidr", "2001:db8::/56"]:  # fmt: skip
        assert _raises(solution.usable_hosts, bad), (
            f"usable_hosts({bad!r}) should raise ValueError: AWS subnets are IPv4 /16 to /28 "
            "blocks with no host bits set"
        )
        out.append(bad)
    return out


def check_reserved_addresses(solution):
    out = []
    for cidr in ["10.0.1.0/24", "10.0.0.16/28", "172.16.0.0/16"]:
        got = solution.reserved_addresses(cidr)
        network = ipaddress.ip_network(cidr)
        want = [str(network.network_address + i) for i in range(4)] + [
            str(network.broadcast_address)
        ]
        assert got == want, f"reserved_addresses({cidr!r}): expected {want}, got {got}"
        out.append(got)
    return out


def _verify_plan(vpc_cidr, azs, public_prefix, private_prefix, plan):
    what = (
        f"plan_subnets({vpc_cidr!r}, {len(azs)} AZs, public /{public_prefix}, "
        f"private /{private_prefix})"
    )
    assert isinstance(plan, list) and len(plan) == 2 * len(azs), (
        f"{what}: expected {2 * len(azs)} subnets (a private and a public one per AZ), got {plan!r}"
    )
    vpc = ipaddress.ip_network(vpc_cidr)
    nets = []
    for entry in plan:
        assert isinstance(entry, dict) and set(entry) == {
            "name",
            "tier",
            "az",
            "cidr",
            "usable_hosts",
        }, f"{what}: each subnet is a dict with name, tier, az, cidr, usable_hosts; got {entry!r}"
        try:
            net = ipaddress.ip_network(entry["cidr"])
        except ValueError:
            raise AssertionError(
                f"{what}: {entry['cidr']!r} is not a valid, aligned CIDR block"
            ) from None
        want_prefix = public_prefix if entry["tier"] == "public" else private_prefix
        assert net.prefixlen == want_prefix, (
            f"{what}: {entry['name']} is {net}, not a /{want_prefix}"
        )
        assert net.subnet_of(vpc), f"{what}: {net} is outside the VPC {vpc}"
        assert entry["usable_hosts"] == net.num_addresses - 5, (
            f"{what}: {net} has {net.num_addresses - 5} usable hosts, not {entry['usable_hosts']}"
        )
        for other in nets:
            assert not net.overlaps(other), f"{what}: {net} overlaps {other}"
        nets.append(net)
    return [[e["name"], e["cidr"], e["usable_hosts"]] for e in plan]


def check_plan_three_azs(solution):
    plan = solution.plan_subnets("10.0.0.0/16", AZS, public_prefix=24, private_prefix=20)
    got = _verify_plan("10.0.0.0/16", AZS, 24, 20, plan)
    tiers = [[e["tier"], e["az"]] for e in plan]
    want = [["private", az] for az in AZS] + [["public", az] for az in AZS]
    assert tiers == want, f"allocate private subnets first, AZ by AZ, then public: got {tiers}"
    return got


def check_plan_alignment(solution):
    out = []
    for vpc, azs, public, private in [
        ("10.20.0.0/24", AZS, 26, 28),
        ("10.20.0.0/24", AZS[:2], 27, 28),
        ("192.168.0.0/22", AZS, 25, 27),
        ("172.16.0.0/16", AZS[:2], 28, 18),
    ]:
        plan = solution.plan_subnets(vpc, azs, public_prefix=public, private_prefix=private)
        out.append(_verify_plan(vpc, azs, public, private, plan))
    return out


def check_plan_rejects(solution):
    out = []
    for label, vpc, azs, public, private in [
        ("a VPC too small for three /27s and three /28s", "10.0.0.0/26", AZS, 28, 27),
        ("/29 subnets (AWS's smallest is /28)", "10.0.0.0/24", AZS, 29, 28),
        ("subnets larger than the VPC", "10.0.0.0/20", AZS, 19, 24),
        ("a /12 VPC (AWS VPCs are /16 to /28)", "10.0.0.0/12", AZS, 24, 20),
        ("a VPC CIDR with host bits set", "10.0.0.5/16", AZS, 24, 20),
        ("no availability zones", "10.0.0.0/16", [], 24, 20),
        ("the same AZ twice", "10.0.0.0/16", ["eu-west-1a", "eu-west-1a"], 24, 20),
    ]:
        assert _raises(
            solution.plan_subnets, vpc, azs, public_prefix=public, private_prefix=private
        ), f"plan_subnets should raise ValueError for {label}"
        out.append(label)
    return out


def check_find_problems(solution):
    clean = solution.find_problems("10.0.0.0/16", ["10.0.0.0/20", "10.0.16.0/20", "10.0.48.0/24"])
    assert clean == [], f"a valid, non-overlapping plan has no problems, got {clean!r}"
    proposed = [
        "10.0.0.0/20",      # fine on its own
        "10.0.8.0/24",      # inside 10.0.0.0/20
        "10.0.64.0/24",     # fine
        "10.0.64.0/24",     # the same block twice
        "10.1.0.0/24",      # outside the VPC
        "10.0.99.0/29",     # too small for AWS
        "10.0.77.1/24",     # host bits set
        "banana",           # not a CIDR
        "10.0.96.0/19",     # overlaps 10.0.99.0/29
    ]  # fmt: skip
    got = solution.find_problems("10.0.0.0/16", proposed)
    assert isinstance(got, list) and all(isinstance(p, list) for p in got), (
        f"find_problems returns a list of lists like ['overlap', a, b], got {got!r}"
    )
    got = sorted([str(x) for x in p] for p in got)
    want = sorted([
        ["overlap", "10.0.0.0/20", "10.0.8.0/24"],
        ["overlap", "10.0.64.0/24", "10.0.64.0/24"],
        ["outside", "10.1.0.0/24"],
        ["size", "10.0.99.0/29"],
        ["invalid", "10.0.77.1/24"],
        ["invalid", "banana"],
        ["overlap", "10.0.99.0/29", "10.0.96.0/19"],
    ])  # fmt: skip
    missing = [p for p in want if p not in got]
    extra = [p for p in got if p not in want]
    assert not missing and not extra, f"find_problems: missing {missing}, unexpected {extra}"
    return got
