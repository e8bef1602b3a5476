"""Errors as RFC 9457 problem documents (application/problem+json), naming the field at fault.

Pages get the same information as a readable HTML page instead.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

PROBLEM_JSON = "application/problem+json"
TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Request too large",
    415: "Unsupported media type",
    422: "Invalid request",
    429: "Too many requests",
    500: "Internal error",
}


class FieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details, with `errors` naming each invalid field."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] = []


class ApiError(Exception):
    """Raised by API and page handlers; rendered as a problem document or an error page."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = [FieldError(field=field, message=detail)] if field else []
        self.headers = headers or {}


def problem_response(
    request: Request,
    status: int,
    detail: str | None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = Problem(
        title=TITLES.get(status, "Error"),
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors or [],
    )
    return JSONResponse(
        body.model_dump(), status_code=status, media_type=PROBLEM_JSON, headers=headers
    )


def validation_errors(exc: RequestValidationError) -> list[FieldError]:
    out = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ())]
        out.append(FieldError(field=".".join(loc) or "body", message=str(error.get("msg", ""))))
    return out


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries declaring problem documents for these statuses."""
    schema = {"$ref": "#/components/schemas/Problem"}
    return {
        status: {
            "description": TITLES.get(status, "Error"),
            "content": {PROBLEM_JSON: {"schema": schema}},
        }
        for status in statuses
    }
