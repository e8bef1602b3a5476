from collections.abc import Mapping
from typing import Any, Protocol

from flask import Flask, abort, current_app, g, request


class Connection(Protocol):
    def insert(self, name: str) -> None: ...
    def select(self) -> list[str]: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


def get_db() -> Connection:
    """The connection of the current app context, opened on first use."""
    if "db" not in g:
        g.db = current_app.config["DB_CONNECT"]()
    db: Connection = g.db
    return db


def close_db(exc: BaseException | None) -> None:
    """Teardown: commit if the context ended cleanly, roll back if not; always close."""
    db: Connection | None = g.pop("db", None)
    if db is None:
        return
    try:
        if exc is None:
            db.commit()
        else:
            db.rollback()
    finally:
        db.close()


def load_user() -> None:
    g.user = request.headers.get("X-User") or None


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping({"GREETING": "hello"})
    if config:
        app.config.from_mapping(config)
    app.before_request(load_user)
    app.teardown_appcontext(close_db)

    @app.get("/items")
    def list_items() -> dict[str, Any]:
        return {"items": get_db().select()}

    @app.post("/items")
    def add_item() -> tuple[dict[str, Any], int]:
        data = request.get_json(silent=True)
        name = data.get("name") if isinstance(data, dict) else None
        if not isinstance(name, str) or not name.strip():
            abort(400)
        get_db().insert(name.strip())
        return {"name": name.strip()}, 201

    @app.get("/boom")
    def boom() -> str:
        get_db().insert("half-done")
        raise RuntimeError("the payment provider timed out")

    @app.get("/whoami")
    def whoami() -> dict[str, Any]:
        return {"user": g.user}

    @app.get("/ping")
    def ping() -> str:
        return "pong"

    @app.get("/greeting")
    def greeting() -> dict[str, Any]:
        return {"greeting": current_app.config["GREETING"]}

    return app
