import ast
import inspect
import random

MAX_LINES = 20
MAX_COMPLEXITY = 7


def original_build_invoice(order):
    """The behaviour the refactor must keep: a copy of the starter's build_invoice."""
    customer = order["customer"]
    if not order["lines"]:
        raise ValueError("an invoice needs at least one line")
    coupon = order.get("coupon")
    if coupon is not None and coupon not in ("SAVE10", "FREESHIP"):
        raise ValueError(f"unknown coupon {coupon!r}")
    out = [f"INVOICE for {customer['name']} ({customer['country']})"]
    out.append(f"{'SKU':<10}{'Description':<26}{'Qty':>5}   {'Price':>9}{'Amount':>11}")
    subtotal = 0
    tax = 0
    for line in order["lines"]:
        qty = line["quantity"]
        if qty <= 0:
            raise ValueError(f"line {line['sku']}: quantity must be positive, got {qty}")
        amount = line["unit_price"] * qty
        if qty >= 10:
            amount = amount - (amount * 5 + 50) // 100
        subtotal += amount
        if customer["country"] == "DE":
            rate = 700 if line["category"] in ("book", "food") else 1900
        elif customer["country"] == "FR":
            rate = 550 if line["category"] in ("book", "food") else 2000
        elif customer["country"] == "NL":
            rate = 900 if line["category"] in ("book", "food") else 2100
        else:
            rate = 0
        tax += (amount * rate + 5000) // 10000
        out.append(
            f"{line['sku']:<10}{line['description'][:24]:<26}{qty:>5} x "
            f"{line['unit_price'] / 100:>9.2f}{amount / 100:>11.2f}"
        )
    percent = 0
    if customer.get("vip"):
        percent = 5
    if coupon == "SAVE10":
        percent = 10
    discount = (subtotal * percent + 50) // 100
    if coupon == "FREESHIP" or subtotal - discount >= 5000:
        shipping = 0
    elif customer["country"] == "DE":
        shipping = 490
    elif customer["country"] in ("FR", "NL", "AT", "BE"):
        shipping = 990
    else:
        shipping = 1990
    total = subtotal - discount + shipping + tax
    out.append("-" * 64)
    out.append(f"{'Subtotal':<53}{subtotal / 100:>11.2f}")
    if discount:
        out.append(f"{f'Discount ({percent}%)':<53}{-discount / 100:>11.2f}")
    out.append(f"{'Shipping':<53}{shipping / 100:>11.2f}")
    out.append(f"{'Tax':<53}{tax / 100:>11.2f}")
    out.append(f"{'Total':<53}{total / 100:>11.2f}")
    return "\n".join(out)


NAMES = ["Ada Lovelace", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov", "Alan Kay"]
COUNTRIES = ["DE", "DE", "FR", "NL", "AT", "BE", "US", "JP"]
PRODUCTS = [
    ("BK-1", "Clean Code", "book"),
    ("BK-2", "Refactoring: Improving the Design of Existing Code", "book"),
    ("FD-7", "Coffee beans", "food"),
    ("PEN-9", "Fountain pen", "general"),
    ("TOY-3", "Wooden puzzle with 1000 pieces", "toy"),
    ("LMP-2", "Desk lamp", "general"),
]


def make_line(product, quantity, unit_price):
    sku, description, category = product
    return {
        "sku": sku,
        "description": description,
        "category": category,
        "quantity": quantity,
        "unit_price": unit_price,
    }


def make_order(name, country, lines, vip=False, coupon=None):
    result = {"customer": {"name": name, "country": country, "vip": vip}, "lines": lines}
    if coupon is not None:
        result["coupon"] = coupon
    return result


def random_order(rng):
    lines = [
        make_line(
            rng.choice(PRODUCTS),
            rng.choice([1, 1, 2, 3, 9, 10, 11, 14]),
            rng.choice([rng.randint(1, 999), rng.randint(1000, 9999), rng.randint(10, 60) * 5]),
        )
        for _ in range(rng.randint(1, 5))
    ]
    return make_order(
        rng.choice(NAMES),
        rng.choice(COUNTRIES),
        lines,
        vip=rng.random() < 0.3,
        coupon=rng.choice([None, None, None, "SAVE10", "FREESHIP"]),
    )


def describe(order):
    customer = order["customer"]
    coupon = order.get("coupon")
    return (
        f"customer in {customer['country']}{', vip' if customer['vip'] else ''}"
        f"{f', coupon {coupon}' if coupon else ''}, "
        + ", ".join(
            f"{item['quantity']} x {item['unit_price']} ({item['category']})"
            for item in order["lines"]
        )
    )


def compare(solution, orders):
    for number, order in enumerate(orders, 1):
        expected = original_build_invoice(order).split("\n")
        got = solution.build_invoice(order)
        assert isinstance(got, str), f"build_invoice returned a {type(got).__name__}, not a str"
        got = got.split("\n")
        for index, (want, have) in enumerate(zip(expected, got)):
            assert want == have, (
                f"order {number} ({describe(order)}): line {index + 1} of the invoice is "
                f"{have!r}, the original code printed {want!r}"
            )
        assert len(got) == len(expected), (
            f"order {number} ({describe(order)}): the invoice has {len(got)} lines, the "
            f"original code printed {len(expected)}"
        )
    return len(orders)


def check_same_invoices(solution):
    rng = random.Random(20240611)
    return compare(solution, [random_order(rng) for _ in range(400)])


def check_boundaries(solution):
    pen, book = PRODUCTS[3], PRODUCTS[0]
    orders = [
        make_order("Bulk", "DE", [make_line(pen, 9, 333)]),
        make_order("Bulk", "DE", [make_line(pen, 10, 333)]),
        make_order("Free shipping", "FR", [make_line(pen, 1, 4999)]),
        make_order("Free shipping", "FR", [make_line(pen, 1, 5000)]),
        make_order("Free after discount", "NL", [make_line(pen, 1, 5100)], vip=True),
        make_order("Free after discount", "NL", [make_line(pen, 1, 5600)], coupon="SAVE10"),
        make_order("Rounding", "DE", [make_line(book, 1, 50), make_line(pen, 1, 50)]),
        make_order("Rounding", "FR", [make_line(book, 3, 10), make_line(pen, 1, 25)], vip=True),
        make_order("Vip and coupon", "US", [make_line(book, 2, 1995)], vip=True, coupon="SAVE10"),
        make_order(
            "Vip and free shipping", "JP", [make_line(book, 2, 1995)], vip=True, coupon="FREESHIP"
        ),
    ]
    return compare(solution, orders)


def check_same_errors(solution):
    pen = PRODUCTS[3]
    bad_orders = [
        make_order("Empty", "DE", []),
        make_order("Coupon", "DE", [make_line(pen, 1, 100)], coupon="HALFPRICE"),
        make_order("Zero", "DE", [make_line(pen, 1, 100), make_line(PRODUCTS[0], 0, 100)]),
        make_order("Negative", "FR", [make_line(pen, -2, 100)], coupon="SAVE10"),
    ]
    messages = []
    for bad in bad_orders:
        try:
            expected = original_build_invoice(bad)
        except ValueError as exc:
            expected = str(exc)
        try:
            got = solution.build_invoice(bad)
        except ValueError as exc:
            got = str(exc)
        except Exception as exc:
            raise AssertionError(
                f"for an invalid order ({describe(bad)}) build_invoice raised "
                f"{type(exc).__name__}: {exc}; the original raised ValueError({expected!r})"
            ) from None
        else:
            raise AssertionError(
                f"an invalid order ({describe(bad)}) was invoiced; the original raised "
                f"ValueError({expected!r})"
            )
        assert got == expected, (
            f"for an invalid order ({describe(bad)}) the ValueError says {got!r}, the "
            f"original said {expected!r}"
        )
        messages.append(got)
    return messages


# --- measuring the candidate's source ------------------------------------------------------
# The sandbox hands linecache the text of solution.py, so inspect.getsource reads exactly the
# code that ran; everything below is measured on its syntax tree.

FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)


def parse_solution(solution):
    source = inspect.getsource(solution)
    return ast.parse(source), source.splitlines()


def functions(tree):
    """(qualified name, node) for every function and method, in source order."""
    found = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, FUNCTION_NODES):
                found.append((prefix + child.name, child))
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def code_lines(fn, lines):
    """Lines of the function from `def` to its end, without blank lines, comment-only lines
    and the docstring."""
    skip = set()
    first = fn.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        if isinstance(first.value.value, str):
            skip = set(range(first.lineno, first.end_lineno + 1))
    return sum(
        1
        for number in range(fn.lineno, fn.end_lineno + 1)
        if number not in skip
        and lines[number - 1].strip()
        and not lines[number - 1].strip().startswith("#")
    )


def complexity(fn):
    """McCabe's cyclomatic complexity: 1 + the decisions the function makes (if/elif,
    loops, except, conditional expressions, each extra operand of and/or, comprehension
    loops and filters, match cases). Nested functions are measured on their own."""
    decisions = 0
    pending = list(ast.iter_child_nodes(fn))
    while pending:
        node = pending.pop()
        if isinstance(node, (*FUNCTION_NODES, ast.ClassDef)):
            continue
        if isinstance(
            node,
            (
                ast.If,
                ast.IfExp,
                ast.For,
                ast.AsyncFor,
                ast.While,
                ast.ExceptHandler,
                ast.match_case,
            ),
        ):
            decisions += 1
        elif isinstance(node, ast.comprehension):
            decisions += 1 + len(node.ifs)
        elif isinstance(node, ast.BoolOp):
            decisions += len(node.values) - 1
        pending.extend(ast.iter_child_nodes(node))
    return 1 + decisions


def check_short_functions(solution):
    tree, lines = parse_solution(solution)
    too_long = sorted(
        ((code_lines(fn, lines), name) for name, fn in functions(tree)),
        reverse=True,
    )
    too_long = [(size, name) for size, name in too_long if size > MAX_LINES]
    assert not too_long, (
        "; ".join(f"{name} has {size} lines of code" for size, name in too_long)
        + f" (limit {MAX_LINES} per function). A long function has to be read in full before "
        "any one step of it can be changed safely: extract a function per step (pricing a "
        "line, discount, shipping, tax, formatting), named for what it computes, and let "
        "build_invoice read like a summary of the steps"
    )
    return MAX_LINES


def check_simple_functions(solution):
    tree, _ = parse_solution(solution)
    tangled = sorted(
        ((complexity(fn), name) for name, fn in functions(tree)),
        reverse=True,
    )
    tangled = [(score, name) for score, name in tangled if score > MAX_COMPLEXITY]
    assert not tangled, (
        "; ".join(f"{name} has a cyclomatic complexity of {score}" for score, name in tangled)
        + f" (limit {MAX_COMPLEXITY}: 1 + its if/elif, loops, and/or, except...). Each decision "
        "doubles the paths a reader and a test must follow; lookup tables (VAT by country) and "
        "small functions with one decision each keep every path visible"
    )
    return MAX_COMPLEXITY
