from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

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


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(exc: DomainError) -> tuple[Response, int]:
        body = {"type": exc.type, "title": exc.title, "status": exc.status, "detail": exc.detail}
        return jsonify({**body, **exc.extra()}), exc.status

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        response = exc.get_response()
        response.set_data(
            jsonify(
                {
                    "type": "about:blank",
                    "title": exc.name,
                    "status": exc.code,
                    "detail": exc.description,
                }
            ).get_data()
        )
        response.mimetype = "application/json"
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> tuple[Response, int]:
        app.logger.error("unhandled exception", exc_info=exc)
        body = {
            "type": "about:blank",
            "title": "Internal Server Error",
            "status": 500,
            "detail": UNEXPECTED_DETAIL,
        }
        return jsonify(body), 500
