import ast
import inspect
import random

MAX_CLASSES = 1
MAX_FUNCTIONS = 4


def original(addresses, blocked_domains=()):
    """The behaviour to keep: what the starter's five processors do, in priority order."""
    items = [item.strip() for item in addresses]
    items = [item.lower() for item in items if item]
    valid = []
    for item in items:
        if item.count("@") != 1 or any(ch.isspace() for ch in item):
            continue
        local, domain = item.split("@")
        if local and "." in domain and not domain.startswith(".") and not domain.endswith("."):
            valid.append(item)
    blocked = {d.lower() for d in blocked_domains}
    result = []
    for item in valid:
        if item.split("@")[1] not in blocked and item not in result:
            result.append(item)
    return result


LOCALS = ["ada", "Grace.Hopper", "ken+news", "b_liskov", "ALAN", "x"]
DOMAINS = ["example.com", "Example.COM", "mail.example.org", "spam.io", "SPAM.IO", "uni.ac.uk"]
JUNK = [
    "",
    "   ",
    "no-at-sign.example.com",
    "two@@example.com",
    "a@b@example.com",
    "@example.com",
    "ada@",
    "ada@localhost",
    "ada@.example.com",
    "ada@example.com.",
    "ada lovelace@example.com",
    "ada@exa\tmple.com",
    "ada@example.com\u00a0x",
]


def messy(rng):
    if rng.random() < 0.25:
        return rng.choice(JUNK)
    address = f"{rng.choice(LOCALS)}@{rng.choice(DOMAINS)}"
    if rng.random() < 0.3:
        address = address.upper() if rng.random() < 0.5 else address.title()
    padding = ["", " ", "\t", "\n", "  \u00a0"]
    return rng.choice(padding) + address + rng.choice(padding)


def compare(solution, addresses, blocked):
    expected = original(list(addresses), list(blocked))
    given = list(addresses)
    got = solution.clean_mailing_list(given, list(blocked))
    assert given == list(addresses), "clean_mailing_list changed the list it was given"
    assert isinstance(got, list), f"clean_mailing_list returned a {type(got).__name__}"
    assert got == expected, (
        f"clean_mailing_list({addresses!r}, blocked_domains={blocked!r}) returned {got!r}; "
        f"the original pipeline returned {expected!r}"
    )
    return len(got)


def check_same_results(solution):
    rng = random.Random(8080)
    cases = []
    for _ in range(300):
        addresses = [messy(rng) for _ in range(rng.randint(0, 12))]
        blocked = ["spam.io", "Example.com", "UNI.AC.UK", "nowhere.net"]
        cases.append((addresses, rng.sample(blocked, rng.randint(0, 2))))
    cases.sort(key=lambda case: len(case[0]))  # the first failure shown is a short list
    return sum(compare(solution, addresses, blocked) for addresses, blocked in cases)


def check_edge_cases(solution):
    cases = [
        ([], []),
        (JUNK, []),
        (["Ada@Example.com", "ada@example.com", " ADA@EXAMPLE.COM "], []),
        (["b@x.org", "a@x.org", "b@x.org"], []),
        (["ada@Spam.IO", "ken@spam.io.example.com"], ["SPAM.io"]),
        (["ada@example.com"], ["example.com", "example.com"]),
    ]
    results = [compare(solution, addresses, blocked) for addresses, blocked in cases]
    from_generators = solution.clean_mailing_list(
        (a for a in ["x@y.org ", "X@Y.ORG", "z@spam.io"]), (d for d in ["Spam.io"])
    )
    assert from_generators == ["x@y.org"], (
        "with the addresses and the blocked domains passed as generators, clean_mailing_list "
        f"returned {from_generators!r} instead of ['x@y.org']: any iterable is accepted"
    )
    return results


# --- measuring the candidate's source ------------------------------------------------------
# The sandbox hands linecache the text of solution.py, so inspect.getsource reads exactly the
# code that ran.


def definitions(solution):
    """(classes, functions) of the module as (qualified name, line), in source order."""
    classes, functions = [], []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            name = prefix + getattr(child, "name", "")
            if isinstance(child, ast.ClassDef):
                classes.append((name, child.lineno))
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                functions.append((name, child.lineno))
            visit(
                child, f"{name}." if isinstance(child, ast.ClassDef | ast.FunctionDef) else prefix
            )

    visit(ast.parse(inspect.getsource(solution)), "")
    return classes, functions


def check_at_most_one_class(solution):
    classes, _ = definitions(solution)
    names = ", ".join(f"{name} (line {line})" for name, line in classes)
    assert len(classes) <= MAX_CLASSES, (
        f"the module defines {len(classes)} classes: {names} (limit {MAX_CLASSES}). The job is "
        "one transformation of a list with no state to keep between calls: a function does it. "
        "Each class here (context, event bus, registry, builder, pipeline, a class per step) is "
        "a layer a reader must go through to find out what happens to an address, and it "
        "serves a need - new steps, listeners, options - that never came"
    )
    return MAX_CLASSES


def check_at_most_four_functions(solution):
    _, functions = definitions(solution)
    names = ", ".join(f"{name} (line {line})" for name, line in functions)
    assert len(functions) <= MAX_FUNCTIONS, (
        f"the module defines {len(functions)} functions and methods: {names} (limit "
        f"{MAX_FUNCTIONS}). Trading classes for a registry of small functions, a decorator "
        "and a runner keeps the framework, only spelled differently; write the steps as the "
        "plain statements they are, in the order they run, and extract a helper only where "
        "it names something (such as what a valid address is)"
    )
    return MAX_FUNCTIONS
