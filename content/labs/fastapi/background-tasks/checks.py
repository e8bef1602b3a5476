"""Checks for background-tasks. TestClient returns only after background tasks finish, so the
checks wrap the app to record when the response's last byte was sent, and replace the renderer
(through dependency_overrides) with one that records when and on which thread it ran."""

import asyncio
import inspect
import traceback
from contextlib import contextmanager
from urllib.parse import urljoin

from fastapi.testclient import TestClient

SENT = "response sent"


def _call(client, method, url, **kwargs):
    """The response; a crash inside the app becomes a finding naming the line of solution.py."""
    try:
        return client.request(method, url, **kwargs)
    except Exception as exc:
        raise AssertionError(
            f"{method} {url} crashed the app with {_crash(exc)} (a client would get a 500)"
        ) from None


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f.lineno for f in frames if f.filename == "solution.py"]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


def _expect(response, status, what):
    if response.status_code != status:
        raise AssertionError(
            f"{what} returned {response.status_code}; expected {status}"
            f" (body: {response.text[:200]})"
        )


class RecordingRenderer:
    def __init__(self, events, error=None):
        self.events, self.error = events, error
        self.on_loop = []  # names rendered on the event loop's thread

    def __call__(self, name):
        try:
            asyncio.get_running_loop()
            self.on_loop.append(name)
        except RuntimeError:
            pass
        self.events.append(f"render {name}")
        if self.error is not None:
            raise self.error
        return f"{name}: 3 rows"


def _recording(app, events):
    """The app, wrapped to note when each response has been sent completely."""

    async def wrapper(scope, receive, send):
        async def recorded_send(message):
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                events.append(SENT)

        await app(scope, receive, recorded_send)

    return wrapper


@contextmanager
def _client(solution, error=None):
    events = []
    renderer = RecordingRenderer(events, error)
    solution.app.dependency_overrides[solution.get_renderer] = lambda: renderer
    try:
        yield TestClient(_recording(solution.app, events)), events, renderer
    finally:
        solution.app.dependency_overrides.pop(solution.get_renderer, None)


def _create(client, name):
    response = _call(client, "POST", "/reports", json={"name": name})
    _expect(response, 202, f'POST /reports with {{"name": "{name}"}}')
    return response


def _poll(client, report_id):
    response = _call(client, "GET", f"/reports/{report_id}")
    _expect(response, 200, f"GET /reports/{report_id} (the id POST returned)")
    return response.json()


def _without_id(report):
    return {k: v for k, v in report.items() if k != "id"}


def check_accepted_at_once(solution):
    with _client(solution) as (client, _, _):
        response = _create(client, "sales")
        body = response.json()
        assert isinstance(body.get("id"), str) and body["id"], f"POST /reports answered {body}"
        assert body.get("status") == "pending", (
            f"POST /reports answered status {body.get('status')!r}; the work has not run yet"
            " when the response is built, so it is 'pending'"
        )
        location = response.headers.get("location")
        assert location is not None, "POST /reports answered 202 without a Location header"
        expected = f"http://testserver/reports/{body['id']}"
        assert urljoin("http://testserver/reports", location) == expected, (
            f"Location is {location!r}; expected /reports/{body['id']}"
        )
    return _without_id(body)


def check_work_runs_after_response(solution):
    with _client(solution) as (client, events, _):
        body = _create(client, "q1").json()
        assert "render q1" in events, (
            "the renderer from get_renderer was never called: get it with Depends(get_renderer)"
            " and hand it to the background task"
        )
        assert events[0] == SENT, (
            f"events in order: {events}; the report was rendered before the response was sent,"
            " so the client waited for it: schedule it with BackgroundTasks"
        )
        final = _poll(client, body["id"])
    return [events[:2], _without_id(final)]


def check_blocking_work_stays_off_the_loop(solution):
    route = next(
        (
            r
            for r in solution.app.routes
            if getattr(r, "path", None) == "/reports" and "POST" in getattr(r, "methods", ())
        ),
        None,
    )
    assert route is not None, "the app has no POST /reports route"
    assert inspect.iscoroutinefunction(route.endpoint), (
        "POST /reports is a plain def; the task asks for an async def endpoint"
    )
    with _client(solution) as (client, events, renderer):
        _create(client, "weekly")
    assert not renderer.on_loop, (
        "the blocking renderer ran on the event loop's thread, stalling every other request:"
        " run it from a plain def background task (or in a thread)"
    )
    return [e for e in events if e.startswith("render")]


def check_failure_is_recorded(solution):
    error = RuntimeError("disk full: /srv/reports/tmp is read-only")
    with _client(solution, error) as (client, _, _):
        try:
            response = client.post("/reports", json={"name": "broken"})
        except Exception as exc:
            raise AssertionError(
                f"the renderer's {_crash(exc)} escaped the background task; catch it there and"
                " record the report as failed"
            ) from None
        _expect(response, 202, "POST /reports whose rendering fails later")
        report = _poll(client, response.json()["id"])
    assert report.get("status") == "failed", (
        f"after the renderer raised, GET answered {report}; expected status 'failed'"
    )
    assert "disk full" not in str(report), (
        f"the report shows the exception's text to the client: {report}"
    )
    return _without_id(report)


def check_each_request_gets_its_own_task(solution):
    with _client(solution) as (client, events, _):
        ids = [_create(client, name).json()["id"] for name in ["north", "south", "east"]]
        assert len(set(ids)) == 3, f"three POSTs returned the ids {ids}; each needs its own"
        reports = [_without_id(_poll(client, i)) for i in ids]
    renders = [e for e in events if e.startswith("render")]
    return [renders, reports]


def check_errors_are_4xx(solution):
    with _client(solution) as (client, events, _):
        missing = _call(client, "GET", "/reports/no-such-report")
        _expect(missing, 404, "GET /reports/no-such-report")
        for body, what in [({"name": ""}, "an empty name"), ({}, "no name")]:
            response = _call(client, "POST", "/reports", json=body)
            _expect(response, 422, f"POST /reports with {what}")
    assert not [e for e in events if e.startswith("render")], (
        f"rejected requests still scheduled rendering: {events}"
    )
    return [missing.status_code, 422]
