"""Checks for openapi-documented: read app.openapi(), resolving $refs, then confirm with a few
requests that the API behaves as documented."""

import traceback

from fastapi.testclient import TestClient

OPERATIONS = {
    ("get", "/orders"): "listOrders",
    ("post", "/orders"): "createOrder",
    ("get", "/orders/{order_id}"): "getOrder",
    ("post", "/orders/{order_id}/cancel"): "cancelOrder",
}
ORDER_FIELDS = ["id", "item", "quantity", "status"]


def _call(client, method, url, **kwargs):
    """The response; a crash inside the app becomes a finding naming the line of solution.py."""
    try:
        return client.request(method, url, **kwargs)
    except Exception as exc:
        raise AssertionError(
            f"{method} {url} crashed the app with {_crash(exc)} (a client would get a 500)"
        ) from None


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f.lineno for f in frames if f.filename == "solution.py"]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


def _expect(response, status, what):
    if response.status_code != status:
        raise AssertionError(
            f"{what} returned {response.status_code}; expected {status}"
            f" (body: {response.text[:200]})"
        )


def _resolve(doc, schema):
    while isinstance(schema, dict) and "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = doc.get("components", {}).get("schemas", {}).get(name, {})
    return schema if isinstance(schema, dict) else {}


def _operation(doc, method, path):
    operation = doc.get("paths", {}).get(path, {}).get(method)
    assert operation is not None, f"the OpenAPI document has no {method.upper()} {path}"
    return operation


def _json_schema(doc, holder):
    """The resolved application/json schema of a response or request body object."""
    return _resolve(doc, holder.get("content", {}).get("application/json", {}).get("schema", {}))


def _order_schema(doc, schema, where):
    properties = schema.get("properties", {})
    assert (
        sorted(properties) == ORDER_FIELDS and sorted(schema.get("required", [])) == ORDER_FIELDS
    ), (
        f"{where}: the schema has properties {sorted(properties)} (required:"
        f" {sorted(schema.get('required', []))}); an order has {ORDER_FIELDS}, all required"
    )
    return schema


def check_info_and_tags(solution):
    doc = solution.app.openapi()
    info = doc.get("info", {})
    tags = {t.get("name"): t.get("description") for t in doc.get("tags", [])}
    assert tags.get("orders"), (
        f"the document declares the tags {tags}; expected 'orders' with a description"
    )
    missing = []
    for (method, path), _ in OPERATIONS.items():
        operation = _operation(doc, method, path)
        for field in ("summary", "description"):
            if not operation.get(field):
                missing.append(f"{method.upper()} {path} has no {field}")
        if operation.get("tags") != ["orders"]:
            missing.append(f"{method.upper()} {path} has the tags {operation.get('tags')}")
    assert not missing, "; ".join(missing)
    return [info.get("title"), info.get("version"), sorted(tags)]


def check_operation_ids(solution):
    doc = solution.app.openapi()
    found = {f"{m.upper()} {p}": _operation(doc, m, p).get("operationId") for m, p in OPERATIONS}
    wanted = {f"{m.upper()} {p}": op for (m, p), op in OPERATIONS.items()}
    wrong = {k: v for k, v in found.items() if v != wanted[k]}
    assert not wrong, f"operation ids {wrong}; expected {wanted}"
    return found


def check_request_body_is_a_model(solution):
    doc = solution.app.openapi()
    body = _operation(doc, "post", "/orders").get("requestBody", {})
    schema = _json_schema(doc, body)
    properties = schema.get("properties", {})
    assert sorted(properties) == ["item", "quantity"], (
        f"createOrder's body schema has the properties {sorted(properties)};"
        " expected item and quantity"
    )
    item = _resolve(doc, properties["item"])
    quantity = _resolve(doc, properties["quantity"])
    return {
        "required": sorted(schema.get("required", [])),
        "item": [item.get("type"), item.get("minLength"), item.get("maxLength")],
        "quantity": [quantity.get("type"), quantity.get("minimum"), quantity.get("maximum")],
        "body_required": body.get("required", False),
    }


def _examples(doc):
    body = _operation(doc, "post", "/orders").get("requestBody", {})
    media = body.get("content", {}).get("application/json", {})
    schema = _resolve(doc, media.get("schema", {}))
    examples = list(schema.get("examples", []))
    if "example" in media:
        examples.append(media["example"])
    examples += [e.get("value") for e in media.get("examples", {}).values() if "value" in e]
    return examples


def check_documented_example_works(solution):
    examples = _examples(solution.app.openapi())
    assert examples, "createOrder's request body documents no example"
    client = TestClient(solution.app)
    placed = []
    for example in examples:
        response = _call(client, "POST", "/orders", json=example)
        _expect(response, 201, f"POST /orders with the documented example {example}")
        order = {k: v for k, v in response.json().items() if k != "id"}
        placed.append(order == {**example, "status": "pending"})
    assert all(placed), "an order placed from the documented example does not match it"
    invalid = _call(client, "POST", "/orders", json={"item": "cups", "quantity": 0})
    _expect(invalid, 422, "POST /orders with quantity 0")
    return [all(placed), invalid.status_code]


def check_responses_are_orders(solution):
    doc = solution.app.openapi()
    shapes = {}
    for method, path in OPERATIONS:
        operation = _operation(doc, method, path)
        success = "201" if (method, path) == ("post", "/orders") else "200"
        where = f"the {success} response of {method.upper()} {path}"
        schema = _json_schema(doc, operation.get("responses", {}).get(success, {}))
        if path == "/orders" and method == "get":
            assert schema.get("type") == "array", f"{where} is not documented as a list"
            schema = _resolve(doc, schema.get("items", {}))
        order = _order_schema(doc, schema, where)
        shapes[f"{method.upper()} {path}"] = sorted(order["properties"])
    get_order = _operation(doc, "get", "/orders/{order_id}")
    order = _json_schema(doc, get_order["responses"]["200"])
    undocumented = [
        name
        for name, schema in order["properties"].items()
        if not (schema.get("description") or _resolve(doc, schema).get("description"))
    ]
    assert not undocumented, f"the order's properties {undocumented} have no description"
    status = _resolve(doc, order["properties"]["status"])
    return [shapes, sorted(status.get("enum", []))]


def check_errors_are_documented(solution):
    doc = solution.app.openapi()
    documented = {}
    errors = {
        ("get", "/orders/{order_id}"): ["404"],
        ("post", "/orders/{order_id}/cancel"): ["404", "409"],
    }
    for (method, path), codes in errors.items():
        responses = _operation(doc, method, path).get("responses", {})
        for code in codes:
            where = f"{method.upper()} {path}"
            assert code in responses, (
                f"{where} can answer {code} but does not document it (documented:"
                f" {sorted(responses)})"
            )
            assert responses[code].get("description"), f"{where}'s {code} has no description"
            properties = _json_schema(doc, responses[code]).get("properties", {})
            detail = _resolve(doc, properties.get("detail", {}))
            assert detail.get("type") == "string", (
                f"{where}'s {code} response schema has no string 'detail', but that is what the"
                " API sends"
            )
            documented[f"{where} {code}"] = detail.get("type")
    return documented


def check_behaviour_matches_the_document(solution):
    client = TestClient(solution.app)
    missing = _call(client, "GET", "/orders/999")
    _expect(missing, 404, "GET /orders/999")
    shipped = _call(client, "POST", "/orders/1/cancel")
    _expect(shipped, 409, "POST /orders/1/cancel (order 1 has shipped)")
    created = _call(client, "POST", "/orders", json={"item": "mugs", "quantity": 4})
    _expect(created, 201, "POST /orders")
    order_id = created.json()["id"]
    cancelled = _call(client, "POST", f"/orders/{order_id}/cancel")
    _expect(cancelled, 200, f"POST /orders/{order_id}/cancel")
    fetched = _call(client, "GET", f"/orders/{order_id}")
    return [
        sorted(missing.json()),
        sorted(shipped.json()),
        {k: v for k, v in cancelled.json().items() if k != "id"},
        fetched.json() == cancelled.json(),
    ]
