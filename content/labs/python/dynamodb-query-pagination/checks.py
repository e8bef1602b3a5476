"""Checks for the single-table design, against a fake of boto3's DynamoDB Table resource.

The fake keeps the table's rules: keys PK/SK (strings) and a global secondary index GSI1
(GSI1PK/GSI1SK, projection ALL, holding only items that have both); query() parses
KeyConditionExpression and rejects what DynamoDB rejects (a partition key condition other than
equality, a condition on a non-key attribute, unused or missing placeholders); numbers come
back as Decimal; and a page holds at most 4 items (standing in for the 1 MB page limit). A page
that stops because it is full carries a LastEvaluatedKey even when nothing is left, as DynamoDB
does when a Limit lands exactly on the end.
"""

import copy
import re
from decimal import Decimal
from itertools import pairwise


class ClientError(Exception):
    """What botocore raises when DynamoDB rejects a request."""


def _invalid(message):
    return ClientError(f"ValidationException: {message}")


PAGE_ITEMS = 4
SCHEMAS = {None: ("PK", "SK"), "GSI1": ("GSI1PK", "GSI1SK")}
QUERY_PARAMS = {
    "IndexName", "KeyConditionExpression", "ExpressionAttributeNames",
    "ExpressionAttributeValues", "ScanIndexForward", "Limit", "ExclusiveStartKey",
    "ConsistentRead", "Select", "ReturnConsumedCapacity",
}  # fmt: skip
UNSUPPORTED = {"FilterExpression", "ProjectionExpression", "KeyConditions", "QueryFilter"}

_TOKEN = re.compile(r"\s*(#\w+|:\w+|<=|>=|<>|[=<>(),]|[A-Za-z_][\w.]*)")


class FakeTable:
    def __init__(self):
        self.items = {}
        self.log = []

    # -- writes ---------------------------------------------------------------
    def put_item(self, *, Item, **extra):
        if extra:
            raise TypeError(f"put_item() got unexpected parameters {sorted(extra)}")
        for name in ("PK", "SK"):
            if not isinstance(Item.get(name), str) or not Item[name]:
                raise _invalid(f"One or more parameter values were invalid: missing key {name}")
        self.items[(Item["PK"], Item["SK"])] = _to_dynamodb(Item)
        return {}

    # -- reads ----------------------------------------------------------------
    def get_item(self, *, Key, **extra):
        self.log.append(("get_item", copy.deepcopy(Key), 1))
        if set(Key) != {"PK", "SK"}:
            raise _invalid("The provided key element does not match the schema")
        item = self.items.get((Key["PK"], Key["SK"]))
        return {} if item is None else {"Item": copy.deepcopy(item)}

    def scan(self, **params):
        items = [copy.deepcopy(i) for _, i in sorted(self.items.items())]
        self.log.append(("scan", copy.deepcopy(params), len(items)))
        return {"Items": items, "Count": len(items), "ScannedCount": len(items)}

    def query(self, **params):
        unsupported = set(params) & UNSUPPORTED
        if unsupported:
            raise TypeError(
                f"this fake does not support {sorted(unsupported)}: the access patterns here "
                "need only a KeyConditionExpression"
            )
        unknown = set(params) - QUERY_PARAMS
        if unknown:
            raise TypeError(f"query() got unexpected parameters {sorted(unknown)}")
        index = params.get("IndexName")
        if index not in SCHEMAS:
            raise _invalid(f"The table does not have the specified index: {index}")
        if index is not None and params.get("ConsistentRead"):
            raise _invalid("Consistent reads are not supported on global secondary indexes")
        hash_key, range_key = SCHEMAS[index]
        conditions = _key_conditions(params, hash_key, range_key)
        limit = params.get("Limit")
        if limit is not None and (type(limit) is not int or limit < 1):
            raise _invalid("Limit must be an integer of at least 1")
        forward = params.get("ScanIndexForward", True)

        def order(item):
            return (item[range_key], item["PK"], item["SK"])

        matching = sorted(
            (
                item
                for item in self.items.values()
                if isinstance(item.get(hash_key), str)
                and isinstance(item.get(range_key), str)
                and all(_holds(item[attr], op, values) for attr, op, values in conditions)
            ),
            key=order,
            reverse=not forward,
        )
        start = params.get("ExclusiveStartKey")
        if start is not None:
            want = {"PK", "SK", hash_key, range_key}
            if set(start) != want or not all(isinstance(v, str) for v in start.values()):
                raise _invalid(
                    f"The provided starting key is invalid: expected exactly {sorted(want)}"
                )
            mark = order(start)
            matching = [i for i in matching if (order(i) > mark if forward else order(i) < mark)]
        room = min(PAGE_ITEMS, limit or PAGE_ITEMS)
        page = matching[:room]
        response = {
            "Items": [copy.deepcopy(i) for i in page],
            "Count": len(page),
            "ScannedCount": len(page),
        }
        if len(page) == room:
            last = page[-1] if page else None
            if last is not None:
                response["LastEvaluatedKey"] = {
                    k: last[k] for k in sorted({"PK", "SK", hash_key, range_key})
                }
        self.log.append(
            ("query", copy.deepcopy(params), len(page), response.get("LastEvaluatedKey"))
        )
        return response

    # -- helpers for the checks -----------------------------------------------
    def reads(self):
        return sum(entry[2] for entry in self.log)

    def operations(self):
        return [entry[0] for entry in self.log]


def _to_dynamodb(value):
    if isinstance(value, float):
        raise TypeError("Float types are not supported. Use Decimal types instead.")
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, dict):
        return {k: _to_dynamodb(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_dynamodb(v) for v in value]
    return value


def _key_conditions(params, hash_key, range_key):
    text = params.get("KeyConditionExpression")
    if not isinstance(text, str) or not text.strip():
        raise _invalid("KeyConditionExpression is required (a string)")
    names = params.get("ExpressionAttributeNames") or {}
    values = params.get("ExpressionAttributeValues") or {}
    tokens, pos = [], 0
    while pos < len(text.rstrip()):
        match = _TOKEN.match(text, pos)
        if not match:
            raise _invalid(f"Invalid KeyConditionExpression: syntax error near {text[pos:]!r}")
        tokens.append(match.group(1))
        pos = match.end()
    used_names, used_values = set(), set()

    def name(tok):
        if tok.startswith("#"):
            if tok not in names:
                raise _invalid(f"An expression attribute name used is not defined: {tok}")
            used_names.add(tok)
            return names[tok]
        if tok.startswith(":") or not re.match(r"[A-Za-z_]", tok):
            raise _invalid(f"Invalid KeyConditionExpression: expected an attribute, got {tok!r}")
        return tok

    def value(tok):
        if not tok.startswith(":"):
            raise _invalid(f"Invalid KeyConditionExpression: expected a :value, got {tok!r}")
        if tok not in values:
            raise _invalid(f"An expression attribute value used is not defined: {tok}")
        used_values.add(tok)
        return values[tok]

    def expect(i, tok):
        if i >= len(tokens) or tokens[i].upper() != tok.upper():
            raise _invalid(f"Invalid KeyConditionExpression: expected {tok!r} in {text!r}")
        return i + 1

    def condition(i):
        if tokens[i] == "(":
            cond, i = condition(i + 1)
            return cond, expect(i, ")")
        if tokens[i] == "begins_with":
            i = expect(i + 1, "(")
            attr = name(tokens[i])
            i = expect(i + 1, ",")
            prefix = value(tokens[i])
            return (attr, "begins_with", [prefix]), expect(i + 1, ")")
        attr = name(tokens[i])
        if i + 1 >= len(tokens):
            raise _invalid(f"Invalid KeyConditionExpression: incomplete {text!r}")
        op = tokens[i + 1].upper()
        if op == "BETWEEN":
            low = value(tokens[i + 2])
            i = expect(i + 3, "AND")
            return (attr, "between", [low, value(tokens[i])]), i + 1
        if op not in ("=", "<", "<=", ">", ">="):
            raise _invalid(f"Invalid operator used in KeyConditionExpression: {tokens[i + 1]}")
        return (attr, op, [value(tokens[i + 2])]), i + 3

    try:
        conditions, i = [], 0
        cond, i = condition(0)
        conditions.append(cond)
        if i < len(tokens):
            i = expect(i, "AND")
            cond, i = condition(i)
            conditions.append(cond)
        if i != len(tokens):
            raise _invalid(f"Invalid KeyConditionExpression: unexpected {tokens[i]!r}")
    except IndexError:
        raise _invalid(f"Invalid KeyConditionExpression: incomplete {text!r}") from None
    if set(names) - used_names:
        raise _invalid(
            "Value provided in ExpressionAttributeNames unused in expressions: "
            f"{sorted(set(names) - used_names)}"
        )
    if set(values) - used_values:
        raise _invalid(
            "Value provided in ExpressionAttributeValues unused in expressions: "
            f"{sorted(set(values) - used_values)}"
        )
    by_attr = {}
    for attr, op, args in conditions:
        if attr in by_attr:
            raise _invalid(
                f"KeyConditionExpressions must only contain one condition per key: {attr}"
            )
        if attr not in (hash_key, range_key):
            raise _invalid(f"Query key condition not supported: {attr} is not a key of this index")
        if not all(isinstance(a, str) for a in args):
            raise _invalid(f"One or more parameter values were invalid: {attr} is a string key")
        by_attr[attr] = (op, args)
    if hash_key not in by_attr or by_attr[hash_key][0] != "=":
        raise _invalid(f"Query condition missed key schema element: {hash_key} (it needs =)")
    return conditions


def _holds(actual, op, args):
    if op == "=":
        return actual == args[0]
    if op == "<":
        return actual < args[0]
    if op == "<=":
        return actual <= args[0]
    if op == ">":
        return actual > args[0]
    if op == ">=":
        return actual >= args[0]
    if op == "between":
        return args[0] <= actual <= args[1]
    return actual.startswith(args[0])


# -- data ------------------------------------------------------------------------


def _orders():
    """c-42 has 30 orders over six months (no two at the same second); c-7 has 5 in the same
    months; c-0 has a profile and no orders; c-99 has orders and no profile."""
    out = []
    for i in range(30):
        month = 1 + i // 5
        day = 1 + (i * 7) % 27
        placed = f"2024-{month:02d}-{day:02d}T{(i * 5) % 24:02d}:{(i * 13) % 60:02d}:07Z"
        out.append(("c-42", f"o-{1000 + i * 37 % 997}", placed, 1500 + i * 250, "SHIPPED"))
    for i in range(5):
        out.append(("c-7", f"o-{2000 + i}", f"2024-0{2 + i % 3}-1{i}T09:30:00Z", 990, "PLACED"))
    out.append(("c-99", "o-3001", "2024-03-15T10:00:00Z", 4200, "PLACED"))
    return out


ORDERS = _orders()
CUSTOMERS = [
    ("c-42", "Ada Lovelace", "ada@example.com"),
    ("c-7", "Grace Hopper", "grace@example.com"),
    ("c-0", "Alan Turing", "alan@example.com"),
]


def _table(solution, orders=ORDERS, customers=CUSTOMERS):
    table = FakeTable()
    for args in customers:
        table.put_item(Item=solution.customer_item(*args))
    for args in orders:
        table.put_item(Item=solution.order_item(*args))
    return table


def _ids(items, what):
    assert isinstance(items, list), f"{what} returned {type(items).__name__}, not a list of items"
    out = []
    for item in items:
        assert isinstance(item, dict) and "order_id" in item, (
            f"{what} returned {item!r}, not an order item with an order_id"
        )
        out.append(item["order_id"])
    return out


def _expected(customer, month=None):
    rows = sorted((o for o in ORDERS if o[0] == customer), key=lambda o: o[2])
    if month is not None:
        rows = [o for o in rows if o[2].startswith(month)]
    return [o[1] for o in rows]


def _no_scans(table, what):
    assert "scan" not in table.operations(), (
        f"{what} scanned the whole table; every access pattern here is a Query on a key"
    )


def _follows_pages(table, what, *, to_the_end=True):
    queries = [e for e in table.log if e[0] == "query"]
    assert queries, f"{what} made no query"
    for (_, _, _, last), (_, params, _, _) in pairwise(queries):
        assert last is not None and params.get("ExclusiveStartKey") == last, (
            f"{what}: a follow-up query should pass the previous LastEvaluatedKey ({last}) as "
            f"ExclusiveStartKey, got {params.get('ExclusiveStartKey')}"
        )
    if to_the_end:
        assert queries[-1][3] is None, (
            f"{what} stopped while the last page still had a LastEvaluatedKey "
            f"({queries[-1][3]}): more items may follow, even after a short page"
        )
    return len(queries)


# -- checks ----------------------------------------------------------------------


def check_item_design(solution):
    order = solution.order_item("c-42", "o-1", "2024-03-05T10:15:00Z", 2599, "PLACED")
    customer = solution.customer_item("c-42", "Ada Lovelace", "ada@example.com")
    for item, attrs in [
        (order, {"customer_id": "c-42", "order_id": "o-1", "placed_at": "2024-03-05T10:15:00Z",
                 "total_cents": 2599, "status": "PLACED"}),
        (customer, {"customer_id": "c-42", "name": "Ada Lovelace", "email": "ada@example.com"}),
    ]:  # fmt: skip
        assert isinstance(item, dict), f"an item builder returned {type(item).__name__}, not a dict"
        for key in ("PK", "SK"):
            assert isinstance(item.get(key), str) and item[key], (
                f"{item!r} has no string {key}: the table's keys are PK and SK (strings)"
            )
        got = {k: item.get(k) for k in attrs}
        assert got == attrs, f"the item should carry the attributes {attrs}, got {got}"
    assert customer["PK"] == order["PK"], (
        "a customer's profile and orders should share a partition key (one item collection), "
        f"got {customer['PK']!r} and {order['PK']!r}"
    )
    twin = solution.order_item("c-42", "o-2", "2024-03-05T10:15:00Z", 100, "PLACED")
    other = solution.order_item("c-7", "o-1", "2024-03-05T10:15:00Z", 100, "PLACED")
    keys = {(i["PK"], i["SK"]) for i in (order, twin, other, customer)}
    assert len(keys) == 4, (
        "two orders placed in the same second (or one order id under two customers) got the "
        f"same PK+SK, so one put_item would overwrite the other: {order['PK']}/{order['SK']} and "
        f"{twin['PK']}/{twin['SK']}"
    )
    return [{k: order.get(k) for k in ("customer_id", "order_id", "placed_at", "total_cents")},
            {k: customer.get(k) for k in ("customer_id", "name", "email")}]  # fmt: skip


def check_customer_with_orders(solution):
    table = _table(solution)
    result = solution.customer_with_orders(table, "c-42")
    assert isinstance(result, dict) and set(result) == {"customer", "orders"}, (
        f"customer_with_orders should return {{'customer': ..., 'orders': [...]}}, got {result!r}"
    )
    _no_scans(table, "customer_with_orders")
    assert set(table.operations()) == {"query"}, (
        f"customer_with_orders used {sorted(set(table.operations()))}: the profile and the "
        "orders are one item collection, so one Query (and its pages) returns both"
    )
    pages = _follows_pages(table, "customer_with_orders")
    customer = result["customer"]
    assert isinstance(customer, dict), f"c-42 has a profile, got customer={customer!r}"
    orders = _ids(result["orders"], "customer_with_orders(...)['orders']")
    assert orders == _expected("c-42"), (
        f"c-42 has 30 orders (oldest first: {_expected('c-42')[:3]}...), got {len(orders)}: "
        f"{orders[:5]}..."
    )
    empty = solution.customer_with_orders(_table(solution), "c-0")
    ghost = solution.customer_with_orders(_table(solution), "c-99")
    return [
        [customer.get("name"), customer.get("email"), orders, pages],
        [empty["customer"] and empty["customer"].get("name"), _ids(empty["orders"], "c-0")],
        [ghost["customer"], _ids(ghost["orders"], "c-99")],
    ]


def check_same_second_orders(solution):
    orders = [("c-5", "o-1", "2024-04-01T08:00:00Z", 100, "PLACED"),
              ("c-5", "o-2", "2024-04-01T08:00:00Z", 200, "PLACED"),
              ("c-5", "o-3", "2024-04-01T08:00:00Z", 300, "PLACED")]  # fmt: skip
    table = _table(solution, orders, [("c-5", "Edsger", "ed@example.com")])
    got = solution.customer_with_orders(table, "c-5")
    ids = sorted(_ids(got["orders"], "customer_with_orders"))
    assert ids == ["o-1", "o-2", "o-3"], (
        f"three orders placed in the same second should all be kept, found {ids}"
    )
    return ids


def check_orders_in_month(solution):
    out = []
    for customer, month in [("c-42", "2024-03"), ("c-42", "2024-06"), ("c-7", "2024-03"),
                            ("c-42", "2023-12")]:  # fmt: skip
        table = _table(solution)
        got = _ids(solution.orders_in_month(table, customer, month), "orders_in_month")
        want = _expected(customer, month)
        assert sorted(got) == sorted(want), (
            f"orders_in_month({customer!r}, {month!r}): expected {want}, got {got}"
        )
        assert got == want, f"orders_in_month should be oldest first: expected {want}, got {got}"
        _no_scans(table, "orders_in_month")
        assert table.reads() == len(want), (
            f"orders_in_month({customer!r}, {month!r}) read {table.reads()} items to return "
            f"{len(want)}: put the month in the key condition (the sort key), not in Python"
        )
        out.append([got, _follows_pages(table, "orders_in_month")])
    return out


def check_recent_orders(solution):
    out = []
    for customer, n in [("c-42", 3), ("c-42", 9), ("c-7", 10), ("c-0", 2)]:
        table = _table(solution)
        got = _ids(solution.recent_orders(table, customer, n), "recent_orders")
        want = list(reversed(_expected(customer)))[:n]
        assert got == want, f"recent_orders({customer!r}, {n}): expected {want}, got {got}"
        _no_scans(table, "recent_orders")
        budget = 2 * n
        assert table.reads() <= budget, (
            f"recent_orders({customer!r}, {n}) read {table.reads()} items for {len(want)}: let "
            "DynamoDB sort newest first (ScanIndexForward=False) and stop with Limit instead of "
            "reading the whole partition"
        )
        _follows_pages(table, "recent_orders", to_the_end=False)
        out.append(got)
    return out


def check_find_order(solution):
    out = []
    for order_id in ["o-1037", "o-2003", "o-3001", "o-404"]:
        table = _table(solution)
        found = solution.find_order(table, order_id)
        _no_scans(table, "find_order")
        queries = [e for e in table.log if e[0] == "query"]
        assert queries and all(e[1].get("IndexName") == "GSI1" for e in queries), (
            "find_order knows only the order id, which is not in the table's key: query the "
            "GSI1 index (IndexName='GSI1')"
        )
        assert table.reads() <= 1, f"find_order read {table.reads()} items to find one"
        if found is None:
            out.append(None)
        else:
            assert isinstance(found, dict) and found.get("order_id") == order_id, (
                f"find_order({order_id!r}) returned {found!r}"
            )
            out.append([found["order_id"], found["customer_id"], int(found["total_cents"])])
    return out


def check_follows_every_page(solution):
    # Exactly 8 orders: two full pages of 4, the second still carrying a LastEvaluatedKey, then
    # an empty page. A loop that stops at a short page, or at the first, loses orders.
    orders = [
        ("c-8", f"o-8{i}", f"2024-05-0{i + 1}T12:00:00Z", 100 * i, "PLACED") for i in range(8)
    ]
    table = _table(solution, orders, [])
    got = _ids(solution.orders_in_month(table, "c-8", "2024-05"), "orders_in_month")
    assert got == [o[1] for o in orders], (
        f"orders_in_month over 8 orders (pages of 4) returned {len(got)}: {got}"
    )
    pages = _follows_pages(table, "orders_in_month")
    return [got, pages]
