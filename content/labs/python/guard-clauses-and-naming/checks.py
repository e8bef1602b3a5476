import ast
import inspect
import random

MAX_DEPTH = 2
ALLOWED_NUMBERS = (0, 1)
MIN_NAME_LENGTH = 3


def original(form):
    """The behaviour to keep: the starter's validate_signup, rules in the same order."""
    username = form.get("username")
    if username is None:
        return "username is required"
    if not 3 <= len(username) <= 20:
        return "username must be 3 to 20 characters"
    if not all(c.isascii() and (c.isalnum() or c == "_") for c in username):
        return "username may only contain letters, digits and underscores"
    password = form.get("password", "")
    if len(password) < 12:
        return "password must be at least 12 characters"
    if not (any(c.isdigit() for c in password) and any(c.isalpha() for c in password)):
        return "password needs a letter and a digit"
    if username.lower() in password.lower():
        return "password must not contain the username"
    age = form.get("age")
    if age is None:
        return "age is required"
    if not 16 <= age <= 130:
        return "age must be between 16 and 130"
    return None


USERNAMES = [
    None,
    "",
    "ab",
    "abc",
    "ada_lovelace",
    "a" * 20,
    "a" * 21,
    "grace-hopper",
    "Zoë",
    "user name",
    "__init__",
    "R2D2",
    "x" * 19,
]
PASSWORDS = [
    None,
    "",
    "short1",
    "a" * 11 + "1",
    "a" * 12,
    "1" * 12,
    "correcthorse9",
    "ada_lovelace_2024",
    "ADA_LOVELACE99",
    "Tr0ub4dor&3xyz",
    "ÄÖÜäöüß12345",
]
AGES = [None, 0, 15, 16, 17, 42, 129, 130, 131, 200]


def random_form(rng):
    form = {}
    for key, values in (("username", USERNAMES), ("password", PASSWORDS), ("age", AGES)):
        value = rng.choice(values)
        if value is not None or rng.random() < 0.5:  # missing key, or present with None
            form[key] = value
    if form.get("password") is None:
        form.pop("password", None)  # the original reads a missing password as ""
    return form


def compare(solution, forms):
    verdicts = []
    for form in forms:
        expected = original(form)
        got = solution.validate_signup(dict(form))
        assert got == expected, f"validate_signup({form}) returned {got!r}, expected {expected!r}"
        verdicts.append(got)
    return verdicts


def check_same_results(solution):
    rng = random.Random(1966)
    verdicts = compare(solution, [random_form(rng) for _ in range(600)])
    return sorted({verdict or "accepted" for verdict in verdicts})


def check_boundaries(solution):
    good = {"username": "ada_99", "password": "correct horse 9", "age": 30}
    forms = [good]
    for name in ("ab", "abc", "a" * 20, "a" * 21):
        forms.append({**good, "username": name})
    for password in ("eleven char1", "twelve chars1", "a" * 11 + "9"):
        forms.append({**good, "password": password})
    for age in (15, 16, 130, 131):
        forms.append({**good, "age": age})
    forms.append({"username": "ab", "password": "x", "age": 3})  # every rule broken: the first wins
    forms.append({"username": "ada_99", "password": "x", "age": 3})
    forms.append({"username": "ada_99", "password": "ADA_99 forever", "age": 3})
    forms.append({"username": "ada_99", "password": "long enough 1"})
    return compare(solution, forms)


# --- measuring the candidate's source ------------------------------------------------------
# The sandbox hands linecache the text of solution.py, so inspect.getsource reads exactly the
# code that ran; every rule below is measured on its syntax tree.

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
TRIES = tuple(getattr(ast, name) for name in ("Try", "TryStar") if hasattr(ast, name))
BLOCKS = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Match, *TRIES)


def tree_of(solution):
    return ast.parse(inspect.getsource(solution))


def deepest(statements, depth=0):
    """(depth, line) of the most deeply nested statement: each if/for/while/with/try/match
    around it adds one; an elif or else sits at the depth of its if."""
    found = (depth, statements[0].lineno) if statements else (depth, 0)
    for statement in statements:
        if isinstance(statement, FUNCTIONS + (ast.ClassDef,)):
            continue  # measured on its own
        if not isinstance(statement, BLOCKS):
            continue
        if isinstance(statement, ast.Match):
            blocks = [case.body for case in statement.cases]
        else:
            blocks = [statement.body]
        if isinstance(statement, TRIES):
            blocks += [handler.body for handler in statement.handlers]
            blocks.append(statement.finalbody)
        inner = [deepest(block, depth + 1) for block in blocks if block]
        orelse = getattr(statement, "orelse", [])
        if orelse:
            is_elif = isinstance(statement, ast.If) and len(orelse) == 1
            is_elif = is_elif and isinstance(orelse[0], ast.If)
            inner.append(deepest(orelse, depth if is_elif else depth + 1))
        found = max([found, *inner])
    return found


def functions_of(tree):
    return [node for node in ast.walk(tree) if isinstance(node, FUNCTIONS)]


def check_shallow_nesting(solution):
    problems = []
    for function in functions_of(tree_of(solution)):
        depth, line = deepest(function.body)
        if depth > MAX_DEPTH:
            problems.append(f"{function.name} nests {depth} blocks deep (line {line})")
    assert not problems, (
        "; ".join(problems) + f" (limit {MAX_DEPTH}). Each level is one more condition to hold "
        "in your head, and the message for a failed check ends up far below the check itself. "
        "Turn each condition around and return early (a guard clause): the rest of the "
        "function then runs only on valid input, at one level"
    )
    return MAX_DEPTH


def constant_names(tree):
    """Nodes inside module-level assignments to UPPER_CASE names: where numbers belong."""
    allowed = set()
    for statement in tree.body:
        targets = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        names = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        if names and all(name.isupper() for name in names):
            allowed.update(id(node) for node in ast.walk(statement))
    return allowed


def check_no_magic_numbers(solution):
    tree = tree_of(solution)
    allowed = constant_names(tree)
    magic = sorted(
        (node.lineno, node.col_offset, repr(node.value))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float, complex))
        and not isinstance(node.value, bool)
        and node.value not in ALLOWED_NUMBERS
        and id(node) not in allowed
    )
    where = ", ".join(f"{value} on line {line}" for line, _, value in magic)
    assert not magic, (
        f"numbers with no name: {where}. A bare 12 says nothing about what it limits, and when "
        "the policy changes it has to be found and changed everywhere it is repeated (in the "
        "message too). Give each one a name in a module-level UPPER_CASE constant "
        "(PASSWORD_MIN_LENGTH = 12) and use the name; 0 and 1 may stay literal"
    )
    return list(ALLOWED_NUMBERS)


def bound_names(function):
    """(name, line) for the function's parameters and every name it assigns, loops over,
    binds with `as` or `:=`. Comprehension and lambda variables live for one expression and
    are not included."""
    names = []
    arguments = function.args
    for arg in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
        names.append((arg.arg, arg.lineno))
    for arg in (arguments.vararg, arguments.kwarg):
        if arg is not None:
            names.append((arg.arg, arg.lineno))
    targets = []
    pending = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, FUNCTIONS + (ast.ClassDef, ast.Lambda, ast.comprehension)):
            continue
        if isinstance(node, (ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)):
            pending.extend(generator.iter for generator in node.generators)
            continue
        if isinstance(node, ast.Assign):
            targets += node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
            targets.append(node.target)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            targets.append(node.target)
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            targets.append(node.optional_vars)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.append((node.name, node.lineno))
        pending.extend(ast.iter_child_nodes(node))
    for target in targets:
        for node in ast.walk(target):
            if isinstance(node, ast.Name):
                names.append((node.id, node.lineno))
    return names


def check_descriptive_names(solution):
    cryptic = {}
    for function in functions_of(tree_of(solution)):
        for name, line in bound_names(function):
            if name != "_" and len(name) < MIN_NAME_LENGTH:
                cryptic.setdefault((function.name, name), line)
    where = ", ".join(
        f"{name!r} in {function} (line {line})"
        for (function, name), line in sorted(cryptic.items())
    )
    assert not cryptic, (
        f"names too short to say what they hold: {where}. A reader has to trace `p` back to "
        "where it was assigned to learn it is the password, every time; `password` needs no "
        f"tracing. Parameters and variables need at least {MIN_NAME_LENGTH} characters (`_` "
        "and the variables of a comprehension or lambda are exempt)"
    )
    return MIN_NAME_LENGTH
