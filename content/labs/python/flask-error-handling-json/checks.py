"""Checks for flask-error-handling-json: a trusted app whose routes raise the candidate's domain
exceptions, abort() and crash; the candidate's handlers must turn each into a problem document."""

import logging
import traceback

from flask import Flask, abort, request

logging.getLogger("orders-api").setLevel(logging.CRITICAL)  # a 500 is logged otherwise
SECRET = "postgres://admin:hunter2@db.internal/orders"


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"
    ]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


def _app(solution):
    app = Flask("orders-api")

    @app.get("/orders/<int:order_id>")
    def get_order(order_id):
        if order_id != 1:
            raise solution.NotFoundError(f"order {order_id} does not exist")
        return {"id": 1, "total_cents": 1200}

    @app.post("/orders")
    def create_order():
        raise solution.ConflictError("order ORD-1 already exists")

    @app.post("/orders/validate")
    def validate_order():
        raise solution.ValidationFailed(
            "2 fields are invalid", errors={"quantity": "must be positive", "sku": "unknown sku"}
        )

    @app.get("/legacy")
    def legacy():
        raise solution.DomainError("this API version is retired")

    @app.get("/admin")
    def admin():
        abort(403, description="only administrators can see this")

    @app.post("/echo")
    def echo():
        return {"echo": request.get_json()}

    @app.get("/crash")
    def crash():
        raise ConnectionError(f"could not connect to {SECRET}")

    try:
        solution.register_error_handlers(app)
    except Exception as exc:
        raise AssertionError(f"register_error_handlers(app) crashed with {_crash(exc)}") from None
    return app


def _send(app, method, url, **kwargs):
    try:
        response = app.test_client().open(url, method=method, **kwargs)
    except Exception as exc:
        raise AssertionError(f"{method} {url} crashed with {_crash(exc)}") from None
    return response


def _problem(response, what):
    kind = response.headers.get("Content-Type", "")
    assert kind.split(";")[0].strip() == "application/problem+json", (
        f"{what} answered {response.status_code} with Content-Type {kind!r}; an error must be an"
        " application/problem+json document"
    )
    body = response.get_json(force=True, silent=True)
    assert isinstance(body, dict), (
        f"{what} answered a body that is not a JSON object: {response.get_data()[:120]!r}"
    )
    assert body.get("status") == response.status_code, (
        f"{what}: the document says status {body.get('status')!r} but the response is"
        f" {response.status_code}; they must agree"
    )
    return [response.status_code, body]


def check_domain_errors_become_problems(solution):
    app = _app(solution)
    return {
        "not_found": _problem(_send(app, "GET", "/orders/42"), "GET /orders/42 (NotFoundError)"),
        "conflict": _problem(_send(app, "POST", "/orders"), "POST /orders (ConflictError)"),
        "plain_domain_error": _problem(_send(app, "GET", "/legacy"), "GET /legacy (DomainError)"),
    }


def check_validation_lists_field_errors(solution):
    app = _app(solution)
    return _problem(
        _send(app, "POST", "/orders/validate"), "POST /orders/validate (ValidationFailed)"
    )


def check_http_errors_become_problems(solution):
    app = _app(solution)
    result = {}
    for label, method, url, kwargs in [
        ("unknown_route", "GET", "/nowhere", {}),
        ("wrong_type_in_path", "GET", "/orders/abc", {}),
        ("abort_403", "GET", "/admin", {}),
        ("broken_json", "POST", "/echo", {"data": "{oops", "content_type": "application/json"}),
    ]:
        response = _send(app, method, url, **kwargs)
        assert response.status_code < 500, (
            f"{method} {url} answered {response.status_code}; an HTTP error such as a 404 or 400"
            " must keep its own status (is a catch-all handler also catching HTTPException?)"
        )
        result[label] = _problem(response, f"{method} {url}")
    return result


def check_method_not_allowed_keeps_allow(solution):
    app = _app(solution)
    response = _send(app, "DELETE", "/orders/1")
    allow = sorted(m.strip() for m in response.headers.get("Allow", "").split(",") if m.strip())
    assert response.status_code == 405 and allow, (
        f"DELETE /orders/1 answered {response.status_code} with Allow {response.headers.get('Allow')!r};"
        " a 405 must keep the Allow header Werkzeug computed"
    )
    return {"problem": _problem(response, "DELETE /orders/1"), "allow": allow}


def check_unexpected_errors_hide_details(solution):
    app = _app(solution)
    response = _send(app, "GET", "/crash")
    text = response.get_data(as_text=True)
    assert "hunter2" not in text and "db.internal" not in text, (
        "the 500 response repeats the exception's message, which here holds a database password;"
        " log the details, send the client a generic message"
    )
    status, body = _problem(response, "GET /crash (an unexpected ConnectionError)")
    return [status, body.get("type"), body.get("title"), sorted(body)]


def check_success_is_untouched(solution):
    app = _app(solution)
    ok = _send(app, "GET", "/orders/1")
    echoed = _send(app, "POST", "/echo", json={"a": 1})
    return [
        [ok.status_code, ok.mimetype, ok.get_json()],
        [echoed.status_code, echoed.mimetype, echoed.get_json()],
    ]
