"""Checks for validated-crud: HTTP requests through FastAPI's TestClient, one sku per check."""

import traceback
from urllib.parse import urljoin

from fastapi.testclient import TestClient


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


def _item(sku, **changes):
    item = {
        "sku": sku,
        "name": "Desk lamp",
        "price_cents": 2599,
        "quantity": 3,
        "description": "Warm white LED",
    }
    item.update(changes)
    return item


def _without_sku(item):
    return {k: v for k, v in item.items() if k != "sku"}


def _create(client, sku, **changes):
    response = _call(client, "POST", "/items", json=_item(sku, **changes))
    _expect(response, 201, f"POST /items with a valid item ({sku})")
    return response.json()


def check_create_returns_201_and_location(solution):
    client = TestClient(solution.app)
    created = _call(client, "POST", "/items", json=_item("LAMP-001"))
    _expect(created, 201, "POST /items with a valid item")
    location = created.headers.get("location")
    assert location is not None, "POST /items answered 201 without a Location header"
    url = urljoin("http://testserver/items", location)
    assert url == "http://testserver/items/LAMP-001", (
        f"the Location header was {location!r}; expected the item's URL, /items/LAMP-001"
    )
    fetched = _call(client, "GET", "/items/LAMP-001")
    _expect(fetched, 200, "GET /items/LAMP-001 after creating it")
    minimal = {"sku": "LAMP-002", "name": "Floor lamp", "price_cents": 8900}
    defaults = _call(client, "POST", "/items", json=minimal)
    _expect(defaults, 201, "POST /items without quantity and description")
    return [created.json(), fetched.json(), defaults.json()]


INVALID = [
    ("price_cents 0", _item("BAD-001", price_cents=0)),
    ("price_cents -100", _item("BAD-002", price_cents=-100)),
    ("price_cents 12.5", _item("BAD-003", price_cents=12.5)),
    ("quantity -1", _item("BAD-004", quantity=-1)),
    ("an empty name", _item("BAD-005", name="")),
    ("a 101-character name", _item("BAD-006", name="x" * 101)),
    ("a 501-character description", _item("BAD-007", description="x" * 501)),
    ("no name", {k: v for k, v in _item("BAD-008").items() if k != "name"}),
    ("no price_cents", {k: v for k, v in _item("BAD-009").items() if k != "price_cents"}),
    ("the lower-case sku 'lamp-1'", _item("lamp-1")),
    ("the sku 'AB' (too short)", _item("AB")),
    ("a sku with a space", _item("BAD 010")),
    ("a JSON list instead of an object", [_item("BAD-011")]),
]


def check_invalid_bodies_are_422(solution):
    client = TestClient(solution.app)
    for what, body in INVALID:
        response = _call(client, "POST", "/items", json=body)
        _expect(response, 422, f"POST /items with {what}")
    for sku in ["BAD-001", "BAD-002", "BAD-004", "BAD-007", "BAD-008"]:
        response = _call(client, "GET", f"/items/{sku}")
        _expect(response, 404, f"GET /items/{sku} after its invalid POST")
    return len(INVALID)


def check_unknown_fields_are_422(solution):
    client = TestClient(solution.app)
    post = _call(client, "POST", "/items", json=_item("DESK-001", colour="red"))
    _expect(post, 422, 'POST /items with the unknown field "colour"')
    _create(client, "DESK-002")
    put_body = _without_sku(_item("DESK-002", colour="red"))
    put = _call(client, "PUT", "/items/DESK-002", json=put_body)
    _expect(put, 422, 'PUT /items/DESK-002 with the unknown field "colour"')
    patch = _call(client, "PATCH", "/items/DESK-002", json={"colour": "red"})
    _expect(patch, 422, 'PATCH /items/DESK-002 with {"colour": "red"}')
    patch_sku = _call(client, "PATCH", "/items/DESK-002", json={"sku": "DESK-999"})
    _expect(patch_sku, 422, 'PATCH /items/DESK-002 with {"sku": "DESK-999"}')
    after = _call(client, "GET", "/items/DESK-002")
    _expect(after, 200, "GET /items/DESK-002")
    return after.json()


def check_duplicate_sku_is_409(solution):
    client = TestClient(solution.app)
    _create(client, "CHAIR-001")
    again = _call(client, "POST", "/items", json=_item("CHAIR-001", name="Other chair"))
    _expect(again, 409, "a second POST /items with the existing sku CHAIR-001")
    stored = _call(client, "GET", "/items/CHAIR-001")
    _expect(stored, 200, "GET /items/CHAIR-001")
    assert stored.json().get("name") == "Desk lamp", (
        f"after the rejected duplicate, the stored name is {stored.json().get('name')!r}:"
        " the conflicting POST overwrote the item"
    )
    return stored.json()


def check_missing_items_are_404(solution):
    client = TestClient(solution.app)
    body = _without_sku(_item("GHOST-001"))
    requests = [
        ("GET", {}),
        ("PUT", {"json": body}),
        ("PATCH", {"json": {"price_cents": 100}}),
        ("DELETE", {}),
    ]
    for method, kwargs in requests:
        response = _call(client, method, "/items/GHOST-001", **kwargs)
        _expect(response, 404, f"{method} /items/GHOST-001 (never created)")
    after_put = _call(client, "GET", "/items/GHOST-001")
    _expect(after_put, 404, "GET /items/GHOST-001 after a PUT to it (PUT must not create)")
    return len(requests)


def check_put_replaces_the_whole_item(solution):
    client = TestClient(solution.app)
    _create(client, "SHELF-001", quantity=7, description="Oak")
    body = {"name": "Wall shelf", "price_cents": 4500}
    put = _call(client, "PUT", "/items/SHELF-001", json=body)
    _expect(put, 200, "PUT /items/SHELF-001 with name and price_cents only")
    stored = _call(client, "GET", "/items/SHELF-001").json()
    assert stored.get("quantity") == 0 and stored.get("description") is None, (
        f"after a PUT without quantity and description the item is {stored};"
        " PUT replaces the whole item, so they go back to 0 and null"
    )
    missing_required = _call(client, "PUT", "/items/SHELF-001", json={"name": "Shelf"})
    _expect(missing_required, 422, "PUT /items/SHELF-001 without price_cents")
    return [put.json(), stored]


def check_patch_changes_only_sent_fields(solution):
    client = TestClient(solution.app)
    _create(client, "RUG-001", quantity=4, description="Wool")
    price = _call(client, "PATCH", "/items/RUG-001", json={"price_cents": 1999})
    _expect(price, 200, 'PATCH /items/RUG-001 with {"price_cents": 1999}')
    assert price.json().get("quantity") == 4 and price.json().get("description") == "Wool", (
        f'PATCH {{"price_cents": 1999}} returned {price.json()}: fields that were not sent'
        " must keep their values"
    )
    cleared = _call(client, "PATCH", "/items/RUG-001", json={"description": None})
    _expect(cleared, 200, 'PATCH /items/RUG-001 with {"description": null}')
    assert cleared.json().get("description") is None, (
        f'PATCH {{"description": null}} returned {cleared.json()}: an explicit null must clear'
        " the description"
    )
    empty = _call(client, "PATCH", "/items/RUG-001", json={})
    _expect(empty, 200, "PATCH /items/RUG-001 with {}")
    stored = _call(client, "GET", "/items/RUG-001").json()
    return [price.json(), cleared.json(), empty.json(), stored]


def check_patch_rejects_null_for_required_fields(solution):
    client = TestClient(solution.app)
    original = _create(client, "VASE-001")
    for field in ["name", "price_cents", "quantity"]:
        response = _call(client, "PATCH", "/items/VASE-001", json={field: None})
        _expect(response, 422, f'PATCH /items/VASE-001 with {{"{field}": null}}')
    negative = _call(client, "PATCH", "/items/VASE-001", json={"name": "Vase", "quantity": -2})
    _expect(negative, 422, 'PATCH /items/VASE-001 with {"name": "Vase", "quantity": -2}')
    stored = _call(client, "GET", "/items/VASE-001").json()
    assert stored == original, f"rejected PATCHes changed the item from {original} to {stored}"
    return stored


def check_delete_returns_204(solution):
    client = TestClient(solution.app)
    _create(client, "MUG-001")
    deleted = _call(client, "DELETE", "/items/MUG-001")
    _expect(deleted, 204, "DELETE /items/MUG-001")
    assert deleted.content == b"", f"DELETE answered 204 with a body: {deleted.content[:100]!r}"
    gone = _call(client, "GET", "/items/MUG-001")
    _expect(gone, 404, "GET /items/MUG-001 after deleting it")
    twice = _call(client, "DELETE", "/items/MUG-001")
    _expect(twice, 404, "a second DELETE /items/MUG-001")
    return [deleted.status_code, gone.status_code, twice.status_code]
