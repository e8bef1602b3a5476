"""Checks for api-versioning: both versions' bodies, v1's deprecation headers on successes and
errors, and the OpenAPI document."""

import re
import traceback

from fastapi.testclient import TestClient

DEPRECATION = "@1767225600"
SUNSET = "Wed, 30 Jun 2027 00:00:00 GMT"


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


def _get(client, url, status=200):
    response = _call(client, "GET", url)
    if response.status_code != status:
        raise AssertionError(
            f"GET {url} returned {response.status_code}; expected {status}"
            f" (body: {response.text[:200]})"
        )
    return response


def _deprecation_headers(response, url):
    """Deprecation and Sunset must be exact; Link must name the successor."""
    deprecation = response.headers.get("deprecation")
    sunset = response.headers.get("sunset")
    links = ", ".join(response.headers.get_list("link"))
    successor = "/v2" + url.removeprefix("/v1")
    assert deprecation == DEPRECATION, (
        f"GET {url} ({response.status_code}) has Deprecation: {deprecation!r};"
        f" expected {DEPRECATION!r}"
    )
    assert sunset == SUNSET, (
        f"GET {url} ({response.status_code}) has Sunset: {sunset!r}; expected {SUNSET!r}"
    )
    wanted = f'<{successor}>; rel="successor-version"'
    assert wanted in links, (
        f"GET {url} ({response.status_code}) has Link: {links!r}; expected {wanted}"
    )
    return [deprecation, sunset, wanted]


def check_v1_keeps_its_shape(solution):
    client = TestClient(solution.app)
    ada = _get(client, "/v1/users/1").json()
    assert isinstance(ada, dict) and ada.get("name") == "Ada Lovelace", (
        f"GET /v1/users/1 answered {ada}; v1 clients parse"
        ' {"id": 1, "name": "Ada Lovelace", "email": "ada@example.com"}'
    )
    return [ada, _get(client, "/v1/users/3").json(), _get(client, "/v1/users").json()]


def check_v2_has_structured_names(solution):
    client = TestClient(solution.app)
    return [_get(client, "/v2/users/2").json(), _get(client, "/v2/users").json()]


def check_v1_announces_deprecation(solution):
    client = TestClient(solution.app)
    return [_deprecation_headers(_get(client, url), url) for url in ["/v1/users/1", "/v1/users"]]


def check_v1_errors_announce_it_too(solution):
    client = TestClient(solution.app)
    results = []
    for url, status in [("/v1/users/99", 404), ("/v1/users/abc", 422)]:
        results.append(_deprecation_headers(_get(client, url, status), url))
    return results


def check_v2_is_not_deprecated(solution):
    client = TestClient(solution.app)
    for url, status in [("/v2/users/1", 200), ("/v2/users", 200), ("/v2/users/99", 404)]:
        response = _get(client, url, status)
        marked = [h for h in ("deprecation", "sunset") if h in response.headers]
        assert not marked, f"GET {url} ({status}) carries {marked}; only v1 is deprecated"
    _get(client, "/v2/users/abc", 422)
    _get(client, "/users/1", 404)
    return True


def _resolve(doc, schema):
    while "$ref" in schema:
        schema = doc.get("components", {}).get("schemas", {})[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _name_type(doc, path):
    """The JSON type of `name` in the 200 response of GET path."""
    response = doc["paths"][path]["get"]["responses"].get("200", {})
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    name = _resolve(doc, _resolve(doc, schema).get("properties", {}).get("name", {}))
    return name.get("type")


def check_openapi_documents_both(solution):
    doc = solution.app.openapi()
    paths = {re.sub(r"\{[^}]*\}", "{id}", p): p for p in doc.get("paths", {})}
    expected = ["/v1/users", "/v1/users/{id}", "/v2/users", "/v2/users/{id}"]
    assert sorted(paths) == expected, (
        f"the OpenAPI document lists the paths {sorted(doc.get('paths', {}))};"
        f" expected exactly {expected} (path parameters may have any name)"
    )
    flags = {}
    for normal, real in sorted(paths.items()):
        operation = doc["paths"][real].get("get", {})
        flags[normal] = operation.get("deprecated", False)
    wrong = [p for p, d in flags.items() if d != p.startswith("/v1")]
    assert not wrong, (
        f"deprecated flags in OpenAPI: {flags}; every v1 operation and no v2 operation"
        " must be marked deprecated"
    )
    item_types = {v: _name_type(doc, paths[f"/{v}/users/{{id}}"]) for v in ("v1", "v2")}
    assert item_types == {"v1": "string", "v2": "object"}, (
        f"in OpenAPI, the user's name is of type {item_types}; expected a string in v1 and"
        " an object in v2 (declare response models)"
    )
    return [flags, item_types]
