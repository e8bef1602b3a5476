from collections.abc import Mapping

from flask import Flask


class DomainError(Exception):
    """A rule of the domain was broken; subclasses say which, and map to a status code."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFoundError(DomainError):
    pass


class ConflictError(DomainError):
    pass


class ValidationFailed(DomainError):
    def __init__(self, detail: str, errors: Mapping[str, str]) -> None:
        super().__init__(detail)
        self.errors = dict(errors)


def register_error_handlers(app: Flask) -> None:
    raise NotImplementedError
