import ast
import inspect
import math
import random

MAX_SWITCHES = 1
MIN_ARMS = 3


def original(operation, shape):
    """The behaviour to keep: the starter's three functions, plus the new ellipse."""
    kind = shape["kind"]
    if kind not in ("circle", "rectangle", "square", "triangle", "ellipse"):
        raise ValueError(f"unknown shape kind: {kind!r}")
    if kind == "circle":
        r = shape["radius"]
        return {
            "area": math.pi * r**2,
            "perimeter": 2 * math.pi * r,
            "describe": f"circle r={r:g}",
        }[operation]
    if kind == "rectangle":
        w, h = shape["width"], shape["height"]
        return {"area": w * h, "perimeter": 2 * (w + h), "describe": f"rectangle {w:g}x{h:g}"}[
            operation
        ]
    if kind == "square":
        s = shape["side"]
        return {"area": s**2, "perimeter": 4 * s, "describe": f"square {s:g}"}[operation]
    if kind == "triangle":
        a, b, c = shape["a"], shape["b"], shape["c"]
        s = (a + b + c) / 2
        return {
            "area": math.sqrt(s * (s - a) * (s - b) * (s - c)),
            "perimeter": a + b + c,
            "describe": f"triangle {a:g}/{b:g}/{c:g}",
        }[operation]
    a, b = shape["rx"], shape["ry"]
    return {
        "area": math.pi * a * b,
        "perimeter": math.pi * (3 * (a + b) - math.sqrt((3 * a + b) * (a + 3 * b))),
        "describe": f"ellipse {a:g}x{b:g}",
    }[operation]


def dimension(rng):
    return rng.choice([rng.randint(1, 50), rng.randint(1, 400) / 4, round(rng.uniform(0.1, 9), 3)])


def random_shape(rng, kinds):
    kind = rng.choice(kinds)
    if kind == "circle":
        return {"kind": kind, "radius": dimension(rng)}
    if kind == "rectangle":
        return {"kind": kind, "width": dimension(rng), "height": dimension(rng)}
    if kind == "square":
        return {"kind": kind, "side": dimension(rng)}
    if kind == "ellipse":
        return {"kind": kind, "rx": dimension(rng), "ry": dimension(rng)}
    a, b = dimension(rng), dimension(rng)
    c = round(rng.uniform(abs(a - b), a + b), 3) or 0.5  # a triangle that exists
    c = min(max(c, abs(a - b) + 0.001), a + b - 0.001)
    return {"kind": kind, "a": a, "b": b, "c": c}


def compare(solution, shapes):
    for shape in shapes:
        for operation in ("area", "perimeter", "describe"):
            expected = original(operation, shape)
            try:
                got = getattr(solution, operation)(dict(shape))
            except Exception as exc:
                raise AssertionError(
                    f"{operation}({shape}) raised {type(exc).__name__}: {exc}"
                ) from None
            if operation == "describe":
                ok = got == expected
            else:
                ok = isinstance(got, (int, float)) and math.isclose(got, expected, rel_tol=1e-9)
            assert ok, f"{operation}({shape}) returned {got!r}, expected {expected!r}"
    return len(shapes)


def check_same_results(solution):
    rng = random.Random(31337)
    kinds = ["circle", "rectangle", "square", "triangle"]
    shapes = [random_shape(rng, kinds) for _ in range(400)]
    shapes.append({"kind": "square", "side": 5, "colour": "red"})  # extra keys were ignored
    return compare(solution, shapes)


def check_ellipse(solution):
    rng = random.Random(2718)
    shapes = [{"kind": "ellipse", "rx": 3, "ry": 2}, {"kind": "ellipse", "rx": 1.5, "ry": 1.5}]
    shapes += [random_shape(rng, ["ellipse"]) for _ in range(100)]
    return compare(solution, shapes)


def check_unknown_kind(solution):
    messages = []
    for kind in ("hexagon", "Circle", ""):
        for operation in ("area", "perimeter", "describe"):
            shape = {"kind": kind, "radius": 1, "side": 1}
            expected = f"unknown shape kind: {kind!r}"
            try:
                got = getattr(solution, operation)(shape)
            except ValueError as exc:
                assert str(exc) == expected, (
                    f"{operation}({shape}) raised ValueError({str(exc)!r}), expected "
                    f"ValueError({expected!r})"
                )
                messages.append(str(exc))
            except Exception as exc:
                raise AssertionError(
                    f"{operation}({shape}) raised {type(exc).__name__}({exc}); an unknown kind "
                    f"must raise ValueError({expected!r}) as before"
                ) from None
            else:
                raise AssertionError(
                    f"{operation}({shape}) returned {got!r} for an unknown kind instead of "
                    f"raising ValueError({expected!r})"
                )
    return messages


# --- measuring the candidate's source ------------------------------------------------------
# The sandbox hands linecache the text of solution.py, so inspect.getsource reads exactly the
# code that ran; the switches are found on its syntax tree.


def subject(test):
    """What a condition tests, if it looks like one arm of a switch: `kind == "circle"`,
    `"circle" == kind`, `kind in ("a", "b")`, `type(s) is Circle`, `isinstance(s, Circle)`,
    or an `or` of those on one subject. None for any other condition."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        subjects = {subject(value) for value in test.values}
        return subjects.pop() if len(subjects) == 1 else None
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        if isinstance(test.ops[0], (ast.Eq, ast.Is, ast.In)):
            left, right = test.left, test.comparators[0]
            return ast.dump(right if isinstance(left, ast.Constant) else left)
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.args:
        if test.func.id == "isinstance":
            return "isinstance " + ast.dump(test.args[0])
    return None


def arms(node):
    """The conditions of an if/elif chain (or of a chain of conditional expressions)."""
    tests = []
    while isinstance(node, (ast.If, ast.IfExp)):
        tests.append(node.test)
        rest = node.orelse
        if isinstance(node, ast.If):
            node = rest[0] if len(rest) == 1 else None
        else:
            node = rest
    return tests


def switches(tree):
    """(line, function, number of arms) for each switch in the module: an if/elif chain, a
    run of consecutive ifs, a chain of conditional expressions or a match statement, that
    tests one subject against MIN_ARMS or more cases."""
    found = []

    def record(line, owner, tests):
        subjects = [subject(test) for test in tests]
        for key in set(subjects) - {None}:
            if subjects.count(key) >= MIN_ARMS:
                found.append((line, owner, subjects.count(key)))

    def visit(node, owner):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            owner = node.name if owner == "module level" else f"{owner}.{node.name}"
        if isinstance(node, ast.Match) and len(node.cases) >= MIN_ARMS:
            found.append((node.lineno, owner, len(node.cases)))
        if isinstance(node, ast.IfExp) and id(node) not in elifs:
            record(node.lineno, owner, arms(node))
        if isinstance(node, ast.IfExp) and isinstance(node.orelse, ast.IfExp):
            elifs.add(id(node.orelse))
        if isinstance(node, ast.If) and len(node.orelse) == 1:
            elifs.add(id(node.orelse[0]))
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if not isinstance(block, list):
                continue
            run = []  # consecutive if statements (each with its elifs) in one block
            for statement in [*block, None]:
                if isinstance(statement, ast.If) and id(statement) not in elifs:
                    run.append(statement)
                elif run:
                    record(run[0].lineno, owner, [test for s in run for test in arms(s)])
                    run = []
        for child in ast.iter_child_nodes(node):
            visit(child, owner)

    elifs = set()  # the `if` of an `elif`: part of the chain it continues, not a new one
    visit(tree, "module level")
    return sorted(found)


def check_at_most_one_switch(solution):
    found = switches(ast.parse(inspect.getsource(solution)))
    if len(found) > MAX_SWITCHES:
        where = "; ".join(
            f"{owner} (line {line}) with {count} arms" for line, owner, count in found
        )
        raise AssertionError(
            f"the module switches on a shape's kind or type {len(found)} times: {where}. Every "
            "switch is a list of all the kinds, so a new kind means finding and editing each "
            "one, and a missed one fails only at run time. Let each kind carry its own "
            "behaviour (a class per kind, or a table from kind to behaviour) so that at most "
            f"{MAX_SWITCHES} place (the one that turns a dict into a shape) knows every kind"
        )
    return MAX_SWITCHES
