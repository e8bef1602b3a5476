from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, current_app

DEFAULT_CONFIG: dict[str, Any] = {"GREETING": "hello", "ENV_NAME": "production"}
EXTENSION_KEY = "request_counter"


@dataclass
class _Counts:
    requests: int = 0


class RequestCounter:
    """A Flask extension counting the requests each app handles.

    The object is shared by every app it is initialised on, so it keeps no per-app state of its
    own: each app's count lives in that app's `extensions` dict."""

    def __init__(self, app: Flask | None = None) -> None:
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        app.extensions[EXTENSION_KEY] = _Counts()
        app.before_request(self._count_request)

    def count(self, app: Flask | None = None) -> int:
        target = app if app is not None else current_app
        counts: _Counts = target.extensions[EXTENSION_KEY]
        return counts.requests

    @staticmethod
    def _count_request() -> None:
        current_app.extensions[EXTENSION_KEY].requests += 1


counter = RequestCounter()

api = Blueprint("api", __name__, url_prefix="/api")


@api.get("/greeting")
def greeting() -> dict[str, Any]:
    return {"greeting": current_app.config["GREETING"], "env": current_app.config["ENV_NAME"]}


@api.get("/stats")
def stats() -> dict[str, Any]:
    return {"requests": counter.count()}


app = Flask(__name__)
app.config.from_mapping(DEFAULT_CONFIG)
counter.init_app(app)
app.register_blueprint(api)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The app, with `config` applied on top of the defaults."""
    app.config.from_mapping(DEFAULT_CONFIG)
    if config:
        app.config.from_mapping(config)
    return app
