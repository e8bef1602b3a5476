import ast
import copy
import inspect
import random

#: A repeated block this big (statements, counting nested ones) is duplication, not a pattern.
MIN_CLONE_STATEMENTS = 4


def original_sales_report(sales):
    """The behaviour the refactor must keep: copies of the starter's three formatters, folded
    into one function here (the checks may repeat themselves less than the starter does)."""
    return original_table(
        "Sales by region",
        [("region", "Region", 14), ("units", "Units", 8), ("revenue", "Revenue", 12)],
        sorted(sales, key=lambda r: (-r["revenue"], r["region"])),
    )


def original_inventory_report(items):
    columns = [("sku", "SKU", 10), ("on_hand", "On hand", 9), ("reserved", "Reserved", 10)]
    columns.append(("value", "Value", 12))
    return original_table("Inventory", columns, sorted(items, key=lambda r: r["sku"]))


def original_staff_report(people):
    return original_table(
        "Hours by person",
        [("name", "Name", 20), ("hours", "Hours", 7), ("cost", "Cost", 12)],
        sorted(people, key=lambda r: (-r["hours"], r["name"])),
    )


def original_table(title, columns, rows):
    """Money is always the last column, in cents."""
    (key, label, width), counts, money = columns[0], columns[1:-1], columns[-1]

    def cells(first, values, cents):
        first = first if len(first) <= width - 1 else first[: width - 2] + "~"
        shown = "".join(f"{v:>{w}}" for v, (_, _, w) in zip(values, counts))
        return f"{first:<{width}}{shown}{cents / 100:>{money[2]}.2f}"

    header = f"{label:<{width}}" + "".join(f"{c[1]:>{c[2]}}" for c in columns[1:])
    lines = [title, "=" * len(title), header, "-" * len(header)]
    for row in rows:
        lines.append(cells(row[key], [row[c[0]] for c in counts], row[money[0]]))
    if not rows:
        lines.append("(no rows)")
    lines.append("-" * len(header))
    totals = [sum(row[c[0]] for row in rows) for c in counts]
    lines.append(cells("Total", totals, sum(row[money[0]] for row in rows)))
    return "\n".join(lines)


REGIONS = ["EMEA", "North America West", "APAC", "LatAm", "Nordics", "DACH", "Benelux & Ireland"]
SKUS = ["A-1", "B-22", "C-333", "LONG-SKU-0001", "Z-9", "K-77", "M-1234567"]
PEOPLE = ["Ada", "Grace Hopper", "Barbara Liskov-Huang", "Linus", "Margaret Hamilton", "Ken"]


def random_rows(rng, kind):
    count = rng.choice([0, 1, 2, 3, 5, 8])
    if kind == "sales":
        return [
            {
                "region": rng.choice(REGIONS),
                "units": rng.randint(0, 500),
                "revenue": rng.choice([rng.randint(0, 99), rng.randint(100, 10**7), 50_000]),
            }
            for _ in range(count)
        ]
    if kind == "inventory":
        return [
            {
                "sku": rng.choice(SKUS) + rng.choice(["", "-x"]),
                "on_hand": rng.randint(0, 900),
                "reserved": rng.randint(0, 50),
                "value": rng.randint(0, 10**6),
            }
            for _ in range(count)
        ]
    return [
        {
            "name": rng.choice(PEOPLE),
            "hours": rng.choice([rng.randint(0, 60), 40]),
            "cost": rng.randint(0, 500_000),
        }
        for _ in range(count)
    ]


REPORTS = {
    "sales": ("sales_report", original_sales_report),
    "inventory": ("inventory_report", original_inventory_report),
    "staff": ("staff_report", original_staff_report),
}


def compare(solution, kind, rows, number):
    name, original = REPORTS[kind]
    expected = original(copy.deepcopy(rows)).split("\n")
    got = getattr(solution, name)(copy.deepcopy(rows))
    assert isinstance(got, str), f"{name} returned a {type(got).__name__}, not a str"
    got = got.split("\n")
    for index, (want, have) in enumerate(zip(expected, got)):
        assert want == have, (
            f"{name}, data set {number} ({rows[:3]}{'...' if len(rows) > 3 else ''}): "
            f"line {index + 1} is {have!r}, the original printed {want!r}"
        )
    assert len(got) == len(expected), (
        f"{name}, data set {number} ({len(rows)} rows in): the report has {len(got)} lines, the "
        f"original printed {len(expected)}"
    )


def check_same_reports(solution):
    rng = random.Random(4711)
    compared = 0
    for number in range(1, 121):
        for kind in REPORTS:
            compare(solution, kind, random_rows(rng, kind), number)
            compared += 1
    return compared


def check_edge_cases(solution):
    cases = {
        "sales": [
            [],
            [{"region": "ABCDEFGHIJKLM", "units": 1, "revenue": 5}],
            [{"region": "ABCDEFGHIJKLMN", "units": 1, "revenue": 5}],
            [
                {"region": "B", "units": 2, "revenue": 100},
                {"region": "A", "units": 3, "revenue": 100},
            ],
        ],
        "inventory": [
            [],
            [{"sku": "123456789", "on_hand": 0, "reserved": 0, "value": 0}],
            [{"sku": "1234567890", "on_hand": 1, "reserved": 1, "value": 1}],
            [
                {"sku": "b", "on_hand": 1, "reserved": 0, "value": 10},
                {"sku": "a", "on_hand": 2, "reserved": 0, "value": 5},
            ],
        ],
        "staff": [
            [],
            [{"name": "Nineteen characters", "hours": 1, "cost": 1}],
            [{"name": "Twenty characters!!!", "hours": 1, "cost": 1}],
            [
                {"name": "Zoe", "hours": 8, "cost": 1},
                {"name": "Abe", "hours": 8, "cost": 2},
                {"name": "Max", "hours": 9, "cost": 3},
            ],
        ],
    }
    for kind, datasets in cases.items():
        for number, rows in enumerate(datasets, 1):
            compare(solution, kind, rows, number)
    return sum(len(datasets) for datasets in cases.values())


# --- measuring the candidate's source ------------------------------------------------------
# The sandbox hands linecache the text of solution.py, so inspect.getsource reads exactly the
# code that ran; the clone search below works on its syntax tree.


class Anonymise(ast.NodeTransformer):
    """Forget what a statement names and which literals it uses, keep what it does: two
    blocks that differ only in variable names, keys, labels and widths become equal."""

    def visit_Name(self, node):
        return ast.Name(id="_", ctx=node.ctx)

    def visit_arg(self, node):
        return ast.arg(arg="_")

    def visit_Constant(self, node):
        return ast.Constant(value="_")


def is_docstring(statement):
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)


def statement_lists(tree):
    """(enclosing function, list of sibling statements) for every block of code inside a
    function. Module and class bodies are left out: a run of similar declarations (constants,
    class attributes) is data, not duplicated logic."""
    lists = []

    def visit(node, owner):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            owner = node.name if owner is None else f"{owner}.{node.name}"
        if owner is not None and not isinstance(node, ast.ClassDef):
            for field in ("body", "orelse", "finalbody"):
                block = getattr(node, field, None)
                if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                    lists.append((owner, [s for s in block if not is_docstring(s)]))
        for child in ast.iter_child_nodes(node):
            visit(child, owner)

    visit(tree, None)
    return lists


def size(statement):
    return sum(isinstance(node, ast.stmt) for node in ast.walk(statement))


def clones(tree):
    """Pairs of equal (anonymised) runs of sibling statements with at least
    MIN_CLONE_STATEMENTS statements in them, biggest first."""
    seen = {}
    for owner, block in statement_lists(tree):
        shapes = [ast.dump(Anonymise().visit(copy.deepcopy(s))) for s in block]
        for start in range(len(block)):
            total = 0
            for end in range(start, len(block)):
                total += size(block[end])
                if total >= MIN_CLONE_STATEMENTS:
                    key = tuple(shapes[start : end + 1])
                    place = (owner, block[start].lineno, block[end].end_lineno, total)
                    seen.setdefault(key, []).append(place)
    found = []
    for places in seen.values():
        for i, first in enumerate(places):
            for second in places[i + 1 :]:
                if first[2] < second[1] or second[2] < first[1]:  # the two runs do not overlap
                    found.append((first[3], first, second))
    return sorted(found, key=lambda c: (-c[0], c[1][1], c[2][1]))


def check_no_duplicated_blocks(solution):
    tree = ast.parse(inspect.getsource(solution))
    found = clones(tree)
    if found:
        statements, first, second = found[0]
        owners = sorted({owner for _, a, b in found for owner in (a[0], b[0])})
        raise AssertionError(
            f"{first[0]} (lines {first[1]}-{first[2]}) and {second[0]} (lines {second[1]}-"
            f"{second[2]}) hold the same {statements} statements with only names and values "
            f"changed (functions holding copied code: {', '.join(owners)}). Every copy is a "
            "place a future fix has to be made again, and the copies drift apart. Move what "
            "the reports share into one function and pass it what differs (title, columns, "
            f"sort order). A repeated run of {MIN_CLONE_STATEMENTS} or more statements counts "
            "as a copy"
        )
    return MIN_CLONE_STATEMENTS
