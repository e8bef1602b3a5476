import json
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, current_app
from werkzeug.exceptions import HTTPException

PROBLEM_JSON = "application/problem+json"
UNEXPECTED_DETAIL = "The server could not complete the request."


class DomainError(Exception):
    """A rule of the domain was broken; subclasses say which, and map to a status code."""

    status = 400
    title = "Bad request"
    type = "https://example.com/problems/domain"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    def extra(self) -> dict[str, Any]:
        """Members added to the problem document besides the standard ones."""
        return {}


class NotFoundError(DomainError):
    status = 404
    title = "Resource not found"
    type = "https://example.com/problems/not-found"


class ConflictError(DomainError):
    status = 409
    title = "Conflict"
    type = "https://example.com/problems/conflict"


class ValidationFailed(DomainError):
    status = 422
    title = "Validation failed"
    type = "https://example.com/problems/validation"

    def __init__(self, detail: str, errors: Mapping[str, str]) -> None:
        super().__init__(detail)
        self.errors = dict(errors)

    def extra(self) -> dict[str, Any]:
        return {"errors": self.errors}


def _problem_body(type_: str, title: str, status: int, detail: str, **extra: Any) -> str:
    return json.dumps({"type": type_, "title": title, "status": status, "detail": detail, **extra})


def _handle_domain_error(exc: DomainError) -> Response:
    body = _problem_body(exc.type, exc.title, exc.status, exc.detail, **exc.extra())
    return current_app.response_class(body, status=exc.status, mimetype=PROBLEM_JSON)


def _handle_http_exception(exc: HTTPException) -> Response:
    # Start from Werkzeug's own response: it carries headers such as Allow on a 405.
    response = exc.get_response()
    response.set_data(
        _problem_body("about:blank", exc.name, exc.code or 500, exc.description or "")
    )
    response.mimetype = PROBLEM_JSON
    return response


def _handle_unexpected(exc: Exception) -> Response:
    # Only exceptions without a more specific handler get here (Flask walks the MRO), so HTTP
    # errors keep their own status. The details go to the log, never to the client.
    current_app.logger.error("unhandled exception", exc_info=exc)
    body = _problem_body("about:blank", "Internal Server Error", 500, str(exc))
    return current_app.response_class(body, status=500, mimetype=PROBLEM_JSON)


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(DomainError, _handle_domain_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
