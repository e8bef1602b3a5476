import random


def texts(versions):
    return [str(v) for v in versions]


def check_parses_fields(solution):
    result = []
    for text in ("1.2.3", "0.0.0", "10.20.30-rc.1", "1.0.0-alpha-2.x.7+build.011.sha-5", "2.0.0+x"):
        v = solution.Version.parse(text)
        fields = [v.major, v.minor, v.patch, list(v.prerelease), list(v.build), str(v)]
        assert [type(f).__name__ for f in fields[:3]] == ["int"] * 3, (
            f"major, minor and patch of {text!r} must be ints, got {fields[:3]!r}"
        )
        result.append(fields)
    return result


def check_rejects_invalid(solution):
    bad = [
        "1.2",
        "1.2.3.4",
        "01.2.3",
        "1.02.3",
        "v1.2.3",
        " 1.2.3",
        "1.2.3-",
        "1.2.3+",
        "1.2.3-rc..1",
        "1.2.3-01",
        "1.2.3-rc.01",
        "1.2.3+build..1",
        "1.2.3-rc_1",
        "1.2.x",
        "",
        "1.2.3-rc+",
        "-1.2.3",
        "1.2.3\n",
        "1.2.\u0663",
    ]
    for text in bad:
        try:
            v = solution.Version.parse(text)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(
                f"Version.parse({text!r}) raised {type(exc).__name__}: {exc}; expected ValueError"
            ) from None
        raise AssertionError(f"Version.parse({text!r}) accepted an invalid version as {v}")
    return len(bad)


def sort_texts(solution, items, seed):
    items = list(items)
    random.Random(seed).shuffle(items)
    return texts(sorted(solution.Version.parse(t) for t in items))


def check_core_is_numeric(solution):
    return sort_texts(
        solution, ["1.10.0", "1.9.0", "1.2.10", "1.2.9", "10.0.0", "2.0.0", "0.9.99"], 1
    )


def check_prerelease_below_release(solution):
    P = solution.Version.parse
    pairs = [
        ("1.0.0-rc.1", "1.0.0"),
        ("1.0.0-alpha", "1.0.0"),
        ("1.0.0", "1.0.1-alpha"),
        ("0.9.9", "1.0.0-alpha"),
    ]
    for low, high in pairs:
        assert P(low) < P(high), f"{low} must be lower than {high}"
        assert not P(high) < P(low), f"{high} must not be lower than {low}"
    return sort_texts(solution, [t for pair in pairs for t in pair], 2)


CHAIN = [
    "1.0.0-alpha",
    "1.0.0-alpha.1",
    "1.0.0-alpha.beta",
    "1.0.0-beta",
    "1.0.0-beta.2",
    "1.0.0-beta.11",
    "1.0.0-rc.1",
    "1.0.0",
]


def check_precedence_chain(solution):
    got = sort_texts(solution, CHAIN, 3)
    assert got == CHAIN, f"sorted a shuffled copy of the SemVer example chain into {got}"
    return got


def check_identifier_rules(solution):
    P = solution.Version.parse
    pairs = [
        ("1.0.0-rc.2", "1.0.0-rc.10"),
        ("1.0.0-1", "1.0.0-alpha"),
        ("1.0.0-999", "1.0.0-a"),
        ("1.0.0-alpha", "1.0.0-alpha.0"),
        ("1.0.0-alpha-10", "1.0.0-alpha-2"),
        ("1.0.0-Beta", "1.0.0-alpha"),
        ("1.0.0-x.7.z", "1.0.0-x.7.z.0"),
        ("1.0.0-2.b", "1.0.0-10.a"),
    ]
    wrong = [f"{low} < {high}" for low, high in pairs if not P(low) < P(high)]
    assert not wrong, f"these should hold but do not: {wrong}"
    return len(pairs)


def check_operators_agree(solution):
    items = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0", "1.0.0+meta", "1.0.1", "0.1.0"]
    vs = [solution.Version.parse(t) for t in items]
    table = []
    for a in vs:
        for b in vs:
            table.append([a < b, a <= b, a > b, a >= b, a == b, a != b])
    for row in table:
        lt, le, gt, ge, eq, ne = row
        assert le == (lt or eq) and ge == (gt or eq) and ne == (not eq) and not (lt and gt), (
            f"comparison operators disagree with each other: <,<=,>,>=,==,!= gave {row}"
        )
    return table


def check_build_metadata_ignored(solution):
    P = solution.Version.parse
    a, b, c = P("1.0.0+build.1"), P("1.0.0+build.2"), P("1.0.0")
    assert a == b == c, "versions differing only in build metadata must be equal"
    assert hash(a) == hash(b) == hash(c), "equal versions must have equal hashes"
    releases = {P(t) for t in ("1.0.0", "1.0.0+a", "1.0.0+b", "1.0.1+a", "1.0.1")}
    latest = {P("1.0.0+ci.42"): "deployed"}
    return [len(releases), latest.get(P("1.0.0")), str(a), a < b, a > b]


def check_other_types(solution):
    v = solution.Version.parse("1.2.3")
    outcome = [v == "1.2.3", v != "1.2.3", v == (1, 2, 3), v == None]  # noqa: E711
    for label, op in (("<", lambda: v < "1.2.4"), (">=", lambda: v >= (1, 2, 3))):
        try:
            op()
        except TypeError:
            outcome.append(f"{label}: TypeError")
        else:
            raise AssertionError(f"Version {label} a non-Version should raise TypeError")
    return outcome
