"""Checks for flask-request-and-app-context: apps get a fake database (DB_CONNECT) that logs every
connection event, so the checks can see when connections open, commit, roll back and close."""

import logging
import traceback

logging.getLogger("solution").setLevel(logging.CRITICAL)  # Flask logs each 500 otherwise


class FakeDatabase:
    """Rows become visible to other connections only when committed."""

    def __init__(self):
        self.rows, self.events, self.opened = [], [], 0

    def connect(self):
        self.opened += 1
        return FakeConnection(self, self.opened)

    def take_events(self):
        events, self.events = self.events, []
        return events


class FakeConnection:
    def __init__(self, db, number):
        self.db, self.number, self.pending, self.closed = db, number, [], False
        self._log("open")

    def _log(self, what):
        self.db.events.append(f"{what} {self.number}")

    def _alive(self, what):
        if self.closed:
            raise AssertionError(f"connection {self.number} was used ({what}) after it was closed")

    def insert(self, name):
        self._alive("insert")
        self.pending.append(name)
        self._log("insert")

    def select(self):
        self._alive("select")
        self._log("select")
        return self.db.rows + self.pending

    def commit(self):
        self._alive("commit")
        self.db.rows += self.pending
        self.pending = []
        self._log("commit")

    def rollback(self):
        self._alive("rollback")
        self.pending = []
        self._log("rollback")

    def close(self):
        self.closed = True
        self._log("close")


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"
    ]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


def _app(solution, **config):
    db = FakeDatabase()
    try:
        app = solution.create_app({"DB_CONNECT": db.connect, **config})
    except Exception as exc:
        raise AssertionError(f"create_app() crashed with {_crash(exc)}") from None
    return app, db


def _send(app, method, url, **kwargs):
    try:
        response = app.test_client().open(url, method=method, **kwargs)
    except Exception as exc:
        raise AssertionError(f"{method} {url} crashed with {_crash(exc)}") from None
    return [response.status_code, response.get_json(silent=True)]


def check_get_db_reuses_one_connection(solution):
    app, db = _app(solution)
    try:
        with app.app_context():
            first, second = solution.get_db(), solution.get_db()
            same = first is second
            inside = db.take_events()
    except Exception as exc:
        raise AssertionError(
            f"get_db() inside app.app_context() crashed with {_crash(exc)}"
        ) from None
    after = db.take_events()
    assert same, "two get_db() calls in one app context opened two connections; reuse the one in g"
    assert after == ["commit 1", "close 1"], (
        f"when a plain app context (no request, as in a CLI command) ended, the connection saw"
        f" {after}; expected a commit and a close: register the cleanup with teardown_appcontext"
    )
    return {"inside": inside, "after": after}


def check_request_commits_and_closes(solution):
    app, db = _app(solution)
    created = _send(app, "POST", "/items", json={"name": "desk lamp"})
    first = db.take_events()
    listed = _send(app, "GET", "/items")
    second = db.take_events()
    assert "close 1" in first, f"after POST /items the connection saw {first}; it was never closed"
    return {"created": created, "listed": listed, "events": [first, second]}


def check_error_rolls_back_and_closes(solution):
    app, db = _app(solution)
    status = _send(app, "GET", "/boom")[0]
    events = db.take_events()
    assert "rollback 1" in events and "commit 1" not in events and events[-1:] == ["close 1"], (
        f"a request whose view raised left its connection with the events {events}; the"
        " half-done work must be rolled back, then the connection closed. A teardown function"
        " receives the exception; an after_request hook does not"
    )
    listed = _send(app, "GET", "/items")
    return {"status": status, "events": events, "after": listed, "more": db.take_events()}


def check_unused_db_is_never_opened(solution):
    app, db = _app(solution)
    result = [_send(app, "GET", "/ping")[0], _send(app, "GET", "/whoami")]
    return {"responses": result, "events": db.take_events()}


def check_g_is_per_request(solution):
    app, db = _app(solution)
    answers = [
        _send(app, "GET", "/whoami", headers={"X-User": "ann"}),
        _send(app, "GET", "/whoami"),
        _send(app, "GET", "/whoami", headers={"X-User": "bob"}),
        _send(app, "GET", "/whoami", headers={"X-User": ""}),
    ]
    assert answers[1][1] == {"user": None}, (
        f"a request without X-User after one from 'ann' answered {answers[1][1]}; per-request"
        " state belongs in flask.g, which starts empty for every request"
    )
    return answers


def check_config_read_from_current_app(solution):
    first, _ = _app(solution, GREETING="bonjour")
    second, _ = _app(solution)
    third, _ = _app(solution, GREETING="hola")
    return [_send(app, "GET", "/greeting") for app in (first, second, third)]
