"""Checks for secure-api-defaults: CORS from allowed and hostile origins, security headers on
every kind of response, body size limits (declared and streamed), and problem+json errors.
The client does not re-raise server errors: a 500 is inspected like any other response."""

import json
from contextlib import contextmanager

from fastapi.testclient import TestClient

APP_ORIGIN = "https://app.example.com"
PROBLEM = "application/problem+json"
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "strict-transport-security": "max-age=63072000; includeSubDomains",
}
SECRET = "password=hunter2 host=10.0.0.5"


def _client(solution):
    return TestClient(solution.app, raise_server_exceptions=False)


def _expect(response, status, what):
    if response.status_code != status:
        raise AssertionError(
            f"{what} returned {response.status_code}; expected {status}"
            f" (body: {response.text[:200]})"
        )


def _security_headers(response, what):
    wrong = {
        name: response.headers.get(name)
        for name, value in HEADERS.items()
        if response.headers.get(name) != value
    }
    assert not wrong, (
        f"{what} ({response.status_code}) has wrong or missing security headers: {wrong}"
    )


def _problem(response, what):
    """The problem document, after checking its media type and mandatory members."""
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    assert media_type == PROBLEM, (
        f"{what} ({response.status_code}) answered Content-Type {media_type!r}; errors are"
        f" {PROBLEM}"
    )
    body = response.json()
    assert isinstance(body, dict), f"{what} answered {body}"
    assert body.get("status") == response.status_code, (
        f"{what}: the problem's status member is {body.get('status')!r} but the response is"
        f" {response.status_code}"
    )
    assert body.get("type") == "about:blank" and isinstance(body.get("title"), str), (
        f"{what}: the problem {body} needs type 'about:blank' and the status's title"
    )
    return body


def _comment_body(size):
    """A JSON comment whose encoding is exactly `size` bytes (its text is far too long)."""
    skeleton = json.dumps({"author": "ada", "text": ""}).encode()
    return json.dumps({"author": "ada", "text": "x" * (size - len(skeleton))}).encode()


def _chunks(data, size=4096):
    for start in range(0, len(data), size):
        yield data[start : start + size]


def check_cors_allows_the_listed_origin(solution):
    client = _client(solution)
    preflight = client.options(
        "/comments",
        headers={
            "Origin": APP_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    _expect(preflight, 200, f"a CORS preflight for POST /comments from {APP_ORIGIN}")
    allowed = preflight.headers.get("access-control-allow-origin")
    assert allowed == APP_ORIGIN, (
        f"the preflight from {APP_ORIGIN} got Access-Control-Allow-Origin {allowed!r}"
    )
    methods = preflight.headers.get("access-control-allow-methods", "")
    assert "POST" in methods, f"the preflight allows the methods {methods!r}, not POST"
    simple = client.get("/comments/1", headers={"Origin": APP_ORIGIN})
    _expect(simple, 200, f"GET /comments/1 from {APP_ORIGIN}")
    return [
        allowed,
        preflight.headers.get("access-control-allow-credentials"),
        simple.headers.get("access-control-allow-origin"),
        "origin" in simple.headers.get("vary", "").lower(),
    ]


def check_cors_refuses_other_origins(solution):
    client = _client(solution)
    hostile = [
        "https://evil.example",
        "https://app.example.com.evil.example",
        "http://app.example.com",
        "null",
    ]
    for origin in hostile:
        preflight = client.options(
            "/comments",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
        )
        simple = client.get("/comments/1", headers={"Origin": origin})
        for what, response in [("a preflight", preflight), ("GET /comments/1", simple)]:
            granted = response.headers.get("access-control-allow-origin")
            assert granted is None, (
                f"{what} from the origin {origin!r} got Access-Control-Allow-Origin"
                f" {granted!r}: only {APP_ORIGIN} may read responses"
            )
    return len(hostile)


def check_security_headers_everywhere(solution):
    client = _client(solution)
    responses = {
        "GET /comments/1": client.get("/comments/1"),
        "GET /comments/99": client.get("/comments/99"),
        "GET /no-such-path": client.get("/no-such-path"),
        "POST /comments with an empty text": client.post(
            "/comments", json={"author": "ada", "text": ""}
        ),
    }
    for what, response in responses.items():
        _security_headers(response, what)
    return {what: r.status_code for what, r in responses.items()}


def check_oversized_bodies_are_413(solution):
    client = _client(solution)
    limit = solution.MAX_BODY_BYTES
    at_limit = client.post(
        "/comments", content=_comment_body(limit), headers={"Content-Type": "application/json"}
    )
    _expect(at_limit, 422, f"POST /comments with a body of exactly {limit} bytes (text too long)")
    over = client.post(
        "/comments",
        content=_comment_body(limit + 1),
        headers={"Content-Type": "application/json"},
    )
    _expect(over, 413, f"POST /comments with a body of {limit + 1} bytes")
    body = _problem(over, f"POST /comments with {limit + 1} bytes")
    _security_headers(over, f"POST /comments with {limit + 1} bytes")
    return [at_limit.status_code, over.status_code, body["title"]]


def check_streamed_bodies_are_counted(solution):
    client = _client(solution)
    big = _comment_body(4 * solution.MAX_BODY_BYTES)
    streamed = client.post(
        "/comments", content=_chunks(big), headers={"Content-Type": "application/json"}
    )
    _expect(
        streamed,
        413,
        f"POST /comments streaming {len(big)} bytes in chunks, without Content-Length",
    )
    _problem(streamed, "the streamed oversized POST")
    small = json.dumps({"author": "bob", "text": "chunked but small"}).encode()
    fine = client.post(
        "/comments", content=_chunks(small, 8), headers={"Content-Type": "application/json"}
    )
    _expect(fine, 201, "POST /comments streaming a small valid body in chunks")
    return [streamed.status_code, fine.status_code]


def check_errors_are_problem_json(solution):
    client = _client(solution)
    not_found = client.get("/comments/99")
    _expect(not_found, 404, "GET /comments/99")
    no_route = client.get("/no-such-path")
    _expect(no_route, 404, "GET /no-such-path")
    wrong_method = client.put("/comments/1", json={})
    _expect(wrong_method, 405, "PUT /comments/1")
    invalid = client.post("/comments", json={"author": "", "text": "hi", "admin": True})
    _expect(invalid, 422, 'POST /comments with an empty author and an unknown field "admin"')
    problems = [
        _problem(not_found, "GET /comments/99"),
        _problem(no_route, "GET /no-such-path (a route that does not exist)"),
        _problem(wrong_method, "PUT /comments/1 (a method the route does not allow)"),
    ]
    allow = wrong_method.headers.get("allow")
    assert allow is not None, "the 405 lost its Allow header on the way through your handler"
    invalid_body = _problem(invalid, "the invalid POST /comments")
    errors = invalid_body.get("errors")
    assert isinstance(errors, list) and all("loc" in e and "msg" in e for e in errors), (
        f"the 422 problem has errors {errors!r}; expected a list of {{loc, msg}}"
    )
    leaked = [e for e in errors if set(e) - {"loc", "msg"}]
    assert not leaked, f"422 errors carry more than loc and msg (echoing input?): {leaked}"
    locations = sorted("/".join(map(str, e["loc"])) for e in errors)
    return [problems, allow, invalid_body["title"], locations]


class FailingStore:
    def get(self, comment_id):
        raise RuntimeError(f"database unreachable: {SECRET}")

    def add(self, comment):
        raise RuntimeError(f"database unreachable: {SECRET}")


@contextmanager
def _failing_store(solution):
    solution.app.dependency_overrides[solution.get_store] = FailingStore
    try:
        yield _client(solution)
    finally:
        solution.app.dependency_overrides.pop(solution.get_store, None)


def check_internal_errors_reveal_nothing(solution):
    with _failing_store(solution) as client:
        response = client.get("/comments/1")
    _expect(response, 500, "GET /comments/1 while the store raises RuntimeError")
    for secret in ["hunter2", "10.0.0.5", "RuntimeError", "Traceback", "database"]:
        assert secret not in response.text, (
            f"the 500 answer shows {secret!r} to the client: {response.text[:300]}"
        )
    body = _problem(response, "the 500")
    _security_headers(response, "the 500")
    return body
