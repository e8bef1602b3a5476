"""Checks for the API Gateway (HTTP API, payload 2.0) Lambda handler.

Events are shaped like the ones API Gateway sends; the table is a fake of boto3's DynamoDB
Table resource (put_item / get_item / delete_item / scan) that, like the real one, hands
numbers back as Decimal and refuses floats.
"""

import base64
import copy
import json
from decimal import Decimal
from urllib.parse import urlencode


class ClientError(Exception):
    """What botocore raises for a rejected request."""


class FakeTable:
    def __init__(self, items=()):
        self.items = {}
        self.writes = []
        for item in items:
            self.items[item["id"]] = _to_dynamodb(item)

    def put_item(self, *, Item, **extra):
        _no_extra("put_item", extra, {"ConditionExpression", "ExpressionAttributeValues"})
        if not isinstance(Item.get("id"), str):
            raise ClientError("ValidationException: the item has no string 'id' (the key)")
        self.writes.append(("put_item", Item["id"]))
        self.items[Item["id"]] = _to_dynamodb(Item)
        return {}

    def get_item(self, *, Key, **extra):
        _no_extra("get_item", extra, {"ConsistentRead", "ProjectionExpression"})
        item = self.items.get(_key(Key))
        return {} if item is None else {"Item": copy.deepcopy(item)}

    def delete_item(self, *, Key, ReturnValues="NONE", **extra):
        _no_extra("delete_item", extra, {"ConditionExpression"})
        if ReturnValues not in ("NONE", "ALL_OLD"):
            raise ClientError("ValidationException: ReturnValues must be NONE or ALL_OLD")
        key = _key(Key)
        self.writes.append(("delete_item", key))
        old = self.items.pop(key, None)
        return {"Attributes": old} if ReturnValues == "ALL_OLD" and old is not None else {}

    def scan(self, **extra):
        _no_extra("scan", extra, set())
        items = [copy.deepcopy(item) for _, item in sorted(self.items.items(), reverse=True)]
        return {"Items": items, "Count": len(items), "ScannedCount": len(items)}

    def plain(self):
        return {key: _plain(item) for key, item in sorted(self.items.items())}


def _no_extra(operation, extra, allowed):
    unknown = set(extra) - allowed
    if unknown:
        raise TypeError(f"Table.{operation}() got unexpected parameters {sorted(unknown)}")


def _key(key):
    if set(key) != {"id"} or not isinstance(key["id"], str):
        raise ClientError(
            f"ValidationException: the key {key!r} does not match the schema (id: string)"
        )
    return key["id"]


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


def _plain(value):
    if isinstance(value, Decimal):
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class LambdaContext:
    """The attributes Lambda's Python runtime puts on the context object."""

    function_name = "orders-api"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders-api"
    memory_limit_in_mb = 256
    log_group_name = "/aws/lambda/orders-api"
    log_stream_name = "2024/05/01/[$LATEST]5f0d6b2e0c8a4d0b9a1c"

    def __init__(self, request_id):
        self.aws_request_id = request_id

    def get_remaining_time_in_millis(self):
        return 2900


def http_event(method, path, *, body=None, query=None, b64=False):
    """An HTTP API payload 2.0 event for the $default route and stage."""
    headers = {
        "accept": "application/json",
        "host": "k3x9.execute-api.eu-west-1.amazonaws.com",
        "user-agent": "curl/8.5.0",
        "x-forwarded-for": "203.0.113.7",
        "x-forwarded-proto": "https",
    }
    event = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": urlencode(query or {}),
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "k3x9",
            "domainName": "k3x9.execute-api.eu-west-1.amazonaws.com",
            "domainPrefix": "k3x9",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.7",
                "userAgent": "curl/8.5.0",
            },
            "requestId": "Xa1bC2dEfG3hIjK=",
            "routeKey": "$default",
            "stage": "$default",
            "time": "01/May/2024:12:00:00 +0000",
            "timeEpoch": 1714564800000,
        },
        "isBase64Encoded": b64,
    }
    if query:
        event["queryStringParameters"] = dict(query)
    if body is not None:
        headers["content-type"] = "application/json"
        headers["content-length"] = str(len(body.encode()))
        event["body"] = base64.b64encode(body.encode()).decode() if b64 else body
    return event


SEED = [
    {"id": "o-1", "sku": "KB-101", "quantity": 3},
    {"id": "o-2", "sku": "MS-7", "quantity": 1},
    {"id": "o-3", "sku": "KB-101", "quantity": 12},
]


def _call(solution, table, event, request_id="req-1"):
    solution.TABLE = table
    what = f"{event['requestContext']['http']['method']} {event['rawPath']}"
    response = solution.handler(event, LambdaContext(request_id))
    assert isinstance(response, dict), (
        f"{what}: the handler returned {type(response).__name__}; API Gateway needs a dict with "
        "statusCode, headers and body"
    )
    status = response.get("statusCode")
    assert type(status) is int, f"{what}: statusCode is {status!r}, not an int"
    headers = {str(k).lower(): v for k, v in (response.get("headers") or {}).items()}
    assert not response.get("isBase64Encoded"), f"{what}: the response claims a base64 body"
    body = response.get("body")
    if body is None or body == "":
        return status, headers, None
    assert isinstance(body, str), (
        f"{what}: body is a {type(body).__name__}; API Gateway passes a string through, so "
        "serialise it with json.dumps"
    )
    assert headers.get("content-type", "").startswith("application/json"), (
        f"{what}: a JSON body needs 'content-type: application/json' (got "
        f"{headers.get('content-type')!r})"
    )
    try:
        data = json.loads(body)
    except ValueError:
        raise AssertionError(f"{what}: the body is not JSON: {body[:80]!r}") from None
    return status, headers, data


def _is_error(status, data, want, what):
    assert status == want, f"{what}: expected status {want}, got {status} with body {data!r}"
    assert isinstance(data, dict) and isinstance(data.get("message"), str), (
        f"{what}: an error body should be a JSON object with a 'message' string, got {data!r}"
    )
    return status


def _whole_quantities(orders, what):
    for order in orders:
        quantity = order.get("quantity") if isinstance(order, dict) else None
        assert type(quantity) is int, (
            f"{what}: quantity came back as {quantity!r}; the table returns Decimal('3'), which "
            "should be sent as the JSON integer 3"
        )


def check_create_order(solution):
    table = FakeTable()
    body = json.dumps({"sku": "KB-101", "quantity": 2})
    status, headers, data = _call(
        solution, table, http_event("POST", "/orders", body=body), "req-7f3a"
    )
    assert status == 201, f"POST /orders with a valid order: expected 201, got {status} {data!r}"
    assert table.plain().get("req-7f3a") is not None, (
        "POST /orders answered 201 but no item with id = context.aws_request_id was stored"
    )
    return [status, data, headers.get("location"), table.plain()]


def check_base64_body(solution):
    table = FakeTable()
    body = json.dumps({"sku": "MS-7", "quantity": 5})
    event = http_event("POST", "/orders", body=body, b64=True)
    status, _, data = _call(solution, table, event, "req-b64")
    assert status == 201, (
        f"POST /orders with isBase64Encoded=true: expected 201, got {status} {data!r} (decode "
        "the body before parsing it)"
    )
    return [status, data, table.plain()]


def check_get_order(solution):
    table = FakeTable(SEED)
    status, _, data = _call(solution, table, http_event("GET", "/orders/o-3"))
    assert status == 200, f"GET /orders/o-3 (it exists): expected 200, got {status} {data!r}"
    _whole_quantities([data], "GET /orders/o-3")
    s404, _, d404 = _call(solution, table, http_event("GET", "/orders/nope"))
    return [status, data, _is_error(s404, d404, 404, "GET /orders/nope (no such order)")]


def check_list_orders(solution):
    table = FakeTable(SEED)
    status, _, everything = _call(solution, table, http_event("GET", "/orders"))
    assert status == 200, f"GET /orders: expected 200, got {status} {everything!r}"
    assert isinstance(everything, dict) and isinstance(everything.get("orders"), list), (
        f'GET /orders should answer {{"orders": [...]}}, got {everything!r}'
    )
    _whole_quantities(everything["orders"], "GET /orders")
    status2, _, filtered = _call(
        solution, table, http_event("GET", "/orders", query={"sku": "KB-101"})
    )
    assert status2 == 200, f"GET /orders?sku=KB-101: expected 200, got {status2} {filtered!r}"
    return [everything, filtered]


def check_rejects_bad_input(solution):
    cases = [
        ("malformed JSON", '{"sku": "KB-101", "quantity": 2'),
        ("a JSON array", '[{"sku": "KB-101", "quantity": 2}]'),
        ("no body", None),
        ("quantity as a string", '{"sku": "KB-101", "quantity": "2"}'),
        ("quantity true", '{"sku": "KB-101", "quantity": true}'),
        ("quantity 0", '{"sku": "KB-101", "quantity": 0}'),
        ("quantity 2.5", '{"sku": "KB-101", "quantity": 2.5}'),
        ("empty sku", '{"sku": "", "quantity": 1}'),
        ("no sku", '{"quantity": 1}'),
    ]
    statuses = []
    for name, body in cases:
        table = FakeTable()
        status, _, data = _call(solution, table, http_event("POST", "/orders", body=body))
        statuses.append(_is_error(status, data, 400, f"POST /orders with {name}"))
        assert not table.writes, f"POST /orders with {name} wrote to the table: {table.writes}"
    return statuses


def check_wrong_method(solution):
    table = FakeTable(SEED)
    out = []
    for method, path, allowed in [
        ("PUT", "/orders", {"GET", "POST"}),
        ("DELETE", "/orders", {"GET", "POST"}),
        ("PATCH", "/orders/o-1", {"GET", "DELETE"}),
        ("POST", "/orders/o-1", {"GET", "DELETE"}),
    ]:
        what = f"{method} {path}"
        status, headers, data = _call(solution, table, http_event(method, path, body="{}"))
        _is_error(status, data, 405, f"{what} (the path exists, the method does not)")
        allow = {m.strip().upper() for m in str(headers.get("allow", "")).split(",") if m.strip()}
        assert allow == allowed, (
            f"{what}: a 405 must list the allowed methods in an Allow header; expected "
            f"{sorted(allowed)}, got {headers.get('allow')!r}"
        )
        out.append([status, sorted(allow)])
    assert not table.writes, f"a 405 request changed the table: {table.writes}"
    return out


def check_unknown_path(solution):
    table = FakeTable(SEED)
    out = []
    for path in ["/customers", "/orders/o-1/items", "/"]:
        status, _, data = _call(solution, table, http_event("GET", path))
        out.append(_is_error(status, data, 404, f"GET {path} (no such resource)"))
    return out


def check_delete_order(solution):
    table = FakeTable(SEED)
    status, _, data = _call(solution, table, http_event("DELETE", "/orders/o-2"))
    assert status == 204, f"DELETE /orders/o-2 (it exists): expected 204, got {status} {data!r}"
    assert data is None, f"DELETE /orders/o-2: a 204 has no body, got {data!r}"
    assert "o-2" not in table.items, "DELETE /orders/o-2 answered 204 but the order is still there"
    again, _, data2 = _call(solution, table, http_event("DELETE", "/orders/o-2"))
    return [status, _is_error(again, data2, 404, "DELETE /orders/o-2 a second time"), table.plain()]
