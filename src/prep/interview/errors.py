"""The one error type the practice services raise: what is wrong, which field, and what kind of
wrong, so every interface (CLI, pages, API) can answer it the same way."""

from __future__ import annotations

from typing import Literal

Reason = Literal["invalid", "not_found", "conflict"]


class PracticeError(ValueError):
    def __init__(self, message: str, field: str | None = None, reason: Reason = "invalid") -> None:
        super().__init__(message)
        self.field = field
        self.reason: Reason = reason
