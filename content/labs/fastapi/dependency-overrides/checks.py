"""Checks for dependency-overrides: a recording fake database replaces get_database through
app.dependency_overrides, and the checks read what each request did to it."""

import traceback
from contextlib import contextmanager

from fastapi.testclient import TestClient

TRANSACTION = ("connect", "commit", "rollback", "close")


class FakeDatabase:
    def __init__(self, fail_on=None):
        self.data, self.events, self.fail_on = {}, [], fail_on

    def connect(self):
        self.events.append("connect")
        return FakeConnection(self)


class FakeConnection:
    def __init__(self, database):
        self.db, self.staged, self.closed = database, {}, False

    def _use(self, what):
        if self.closed:
            raise AssertionError(f"the app called {what}() on a connection it had closed")
        self.db.events.append(what)

    def get(self, key):
        self._use("get")
        return self.staged[key] if key in self.staged else self.db.data.get(key)

    def put(self, key, value):
        self._use("put")
        if key == self.db.fail_on:
            raise ConnectionError("connection to db-primary:5432 lost")
        self.staged[key] = dict(value)

    def delete(self, key):
        self._use("delete")
        existed = self.get(key) is not None
        self.staged[key] = None
        return existed

    def commit(self):
        self._use("commit")
        for key, value in self.staged.items():
            if value is None:
                self.db.data.pop(key, None)
            else:
                self.db.data[key] = value
        self.staged.clear()

    def rollback(self):
        self._use("rollback")
        self.staged.clear()

    def close(self):
        self._use("close")
        self.closed = True


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f.lineno for f in frames if f.filename == "solution.py"]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


@contextmanager
def _fake(solution, fail_on=None, raise_server_exceptions=True):
    database = FakeDatabase(fail_on)
    solution.app.dependency_overrides[solution.get_database] = lambda: database
    try:
        yield TestClient(solution.app, raise_server_exceptions=raise_server_exceptions), database
    finally:
        solution.app.dependency_overrides.pop(solution.get_database, None)


def _request(client, database, method, url, status, **kwargs):
    """(status, body, transaction events) of one request, checking the status."""
    database.events.clear()
    try:
        response = client.request(method, url, **kwargs)
    except AssertionError:
        raise
    except Exception as exc:
        raise AssertionError(
            f"{method} {url} crashed the app with {_crash(exc)} (a client would get a 500)"
        ) from None
    if response.status_code != status:
        raise AssertionError(
            f"{method} {url} returned {response.status_code}; expected {status}"
            f" (body: {response.text[:200]})"
        )
    events = [e for e in database.events if e in TRANSACTION]
    assert events, (
        f"{method} {url} never touched the database from get_database: with get_database"
        " overridden, a request that does not use the override cannot be tested"
    )
    body = response.json() if response.content else None
    return [response.status_code, body, events]


def _note(slug, title=None):
    return {"slug": slug, "title": title or slug.title(), "body": f"about {slug}"}


def check_crud_through_the_service(solution):
    with _fake(solution) as (client, db):
        return [
            _request(client, db, "POST", "/notes", 201, json=_note("groceries"))[:2],
            _request(client, db, "GET", "/notes/groceries", 200)[:2],
            _request(client, db, "POST", "/notes", 409, json=_note("groceries", "Again"))[0],
            _request(client, db, "DELETE", "/notes/groceries", 204)[:2],
            _request(client, db, "GET", "/notes/groceries", 404)[0],
            _request(client, db, "DELETE", "/notes/groceries", 404)[0],
        ]


def check_uses_the_injected_database(solution):
    with _fake(solution) as (client, db):
        _request(client, db, "POST", "/notes", 201, json=_note("injected"))
        stored = sorted(db.data)
    assert stored, "POST /notes answered 201, but nothing was committed to the injected database"
    real = TestClient(solution.app).get("/notes/injected")
    assert real.status_code == 404, (
        f"without the override, GET /notes/injected answered {real.status_code}: the note went"
        " to the real database although get_database was overridden"
    )
    return stored


def check_commits_and_closes_each_request(solution):
    with _fake(solution) as (client, db):
        created = _request(client, db, "POST", "/notes", 201, json=_note("weekly"))[2]
        read = _request(client, db, "GET", "/notes/weekly", 200)[2]
        deleted = _request(client, db, "DELETE", "/notes/weekly", 204)[2]
    for what, events in [("POST /notes", created), ("GET", read), ("DELETE", deleted)]:
        assert events.count("connect") == 1, (
            f"{what} opened {events.count('connect')} connections ({events});"
            " one request, one connection"
        )
        assert events == ["connect", "commit", "close"], (
            f"the successful {what} did {events} on its connection; expected connect, commit, close"
        )
    return [created, read, deleted]


def check_rolls_back_on_http_errors(solution):
    with _fake(solution) as (client, db):
        _request(client, db, "POST", "/notes", 201, json=_note("taken"))
        missing = _request(client, db, "GET", "/notes/nothing", 404)[2]
        conflict = _request(client, db, "POST", "/notes", 409, json=_note("taken", "Other"))[2]
        title = db.data.get("note:taken", {}).get("title")
    for what, events in [
        ("GET of a missing note (404)", missing),
        ("a duplicate POST (409)", conflict),
    ]:
        assert events == ["connect", "rollback", "close"], (
            f"{what} did {events} on its connection; a request that raised must roll back"
            " and close, and never commit"
        )
    assert title == "Taken", f"after the rejected duplicate, the stored title is {title!r}"
    return [missing, conflict]


def check_batch_is_all_or_nothing(solution):
    with _fake(solution) as (client, db):
        _request(client, db, "POST", "/notes", 201, json=_note("b"))
        batch = [_note("a"), _note("b", "Clash"), _note("c")]
        failed = _request(client, db, "POST", "/notes/batch", 409, json=batch)
        after_failure = sorted(db.data)
        assert after_failure == ["note:b"], (
            f"after a batch of a, b, c failed on the existing b, the database holds"
            f" {after_failure}: the batch must store all of its notes or none"
        )
        twice = _request(client, db, "POST", "/notes/batch", 409, json=[_note("d"), _note("d")])
        ok = _request(client, db, "POST", "/notes/batch", 201, json=[_note("x"), _note("y")])
        final = sorted(db.data)
    return [failed[0], failed[2], twice[0], ok[:2], final]


def check_teardown_runs_when_the_database_fails(solution):
    with _fake(solution, "note:boom", raise_server_exceptions=False) as (client, db):
        db.events.clear()
        response = client.post("/notes", json=_note("boom"))
        events = [e for e in db.events if e in TRANSACTION]
    assert response.status_code == 500, (
        f"POST /notes failing inside the database answered {response.status_code};"
        " an unexpected error is a 500"
    )
    assert "close" in events, (
        f"when the database raised mid-request, the connection saw {events} and was never"
        " closed: put the cleanup in a finally block"
    )
    assert events == ["connect", "rollback", "close"], (
        f"when the database raised mid-request, the connection saw {events};"
        " expected connect, rollback, close"
    )
    return events
