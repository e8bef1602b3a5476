from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Flask

DEFAULT_CONFIG: dict[str, Any] = {"GREETING": "hello", "ENV_NAME": "production"}


class RequestCounter:
    """A Flask extension counting the requests each app handles."""

    def __init__(self, app: Flask | None = None) -> None:
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        raise NotImplementedError

    def count(self, app: Flask | None = None) -> int:
        """Requests handled so far by `app` (default: the current app)."""
        raise NotImplementedError


counter = RequestCounter()

api = Blueprint("api", __name__, url_prefix="/api")

# TODO: GET /api/greeting and GET /api/stats


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    raise NotImplementedError
