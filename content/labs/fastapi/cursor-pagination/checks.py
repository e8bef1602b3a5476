"""Checks for cursor-pagination: HTTP requests through FastAPI's TestClient, one channel per
check. Checks compare message texts, not ids, so ids may come from any counter."""

import re
import traceback
from urllib.parse import quote

from fastapi.testclient import TestClient

URL_SAFE = re.compile(r"[A-Za-z0-9_-]+={0,2}")


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


def _post(client, channel, text):
    response = _call(client, "POST", f"/channels/{channel}/messages", json={"text": text})
    _expect(response, 201, f"POST /channels/{channel}/messages")
    body = response.json()
    assert isinstance(body.get("id"), int), f"a posted message came back as {body}"
    return body["id"]


def _delete(client, channel, message_id):
    response = _call(client, "DELETE", f"/channels/{channel}/messages/{message_id}")
    _expect(response, 204, f"DELETE /channels/{channel}/messages/{message_id}")


def _page(client, channel, limit=None, cursor=None):
    """(texts, next_cursor) of one page."""
    params = {}
    if limit is not None:
        params["limit"] = limit
    if cursor is not None:
        params["cursor"] = cursor
    url = f"/channels/{channel}/messages"
    shown = url + "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else url
    response = _call(client, "GET", url, params=params)
    _expect(response, 200, f"GET {shown}")
    body = response.json()
    assert isinstance(body, dict) and set(body) == {"items", "next_cursor"}, (
        f"GET {shown} answered {str(body)[:200]}; expected an object with exactly"
        " items and next_cursor"
    )
    cursor = body["next_cursor"]
    assert cursor is None or (isinstance(cursor, str) and URL_SAFE.fullmatch(cursor)), (
        f"next_cursor {cursor!r} is not a string of URL-safe base64 characters"
    )
    return [item["text"] for item in body["items"]], cursor


def _fill(client, channel, count, prefix="m"):
    return {f"{prefix}{n}": _post(client, channel, f"{prefix}{n}") for n in range(1, count + 1)}


def _walk(client, channel, limit, between=None):
    """Every page from the newest, calling between(page_number) before each later page."""
    pages, cursor = [], None
    while True:
        texts, cursor = _page(client, channel, limit, cursor)
        pages.append(texts)
        if cursor is None:
            return pages
        assert len(pages) < 50, f"paging {channel} with limit={limit} never ended"
        if between is not None:
            between(len(pages))


def _no_repeats_or_gaps(pages, expected, what):
    seen = [text for page in pages for text in page]
    repeated = sorted({t for t in seen if seen.count(t) > 1})
    assert not repeated, f"{what}: {repeated} appeared twice (pages: {pages})"
    missing = [t for t in expected if t not in seen]
    assert not missing, f"{what}: {missing} were never served (pages: {pages})"


def check_pages_newest_first(solution):
    client = TestClient(solution.app)
    _fill(client, "general", 5)
    _fill(client, "random", 2, prefix="other")
    small = _walk(client, "general", 2)
    assert small[0] == ["m5", "m4"], (
        f"the first page with limit=2 was {small[0]}; expected newest first"
    )
    _fill(client, "busy", 25)
    default, cursor = _page(client, "busy")
    assert len(default) == 20, (
        f"without limit the page held {len(default)} items; the default is 20"
    )
    assert cursor is not None, "the first of two pages had next_cursor null"
    return [small, default]


def check_last_page_has_null_cursor(solution):
    client = TestClient(solution.app)
    empty = _page(client, "quiet", 10)
    _fill(client, "even", 4)
    first, cursor = _page(client, "even", 2)
    second, last_cursor = _page(client, "even", 2, cursor)
    assert last_cursor is None, (
        "4 messages paged with limit=2: the second page is the last, but its next_cursor is"
        f" {last_cursor!r}, so the client must fetch an empty page to find the end"
    )
    exact = _page(client, "even", 4)
    assert exact[1] is None, "a page with limit=4 on a 4-message channel had a next_cursor"
    return [list(empty), first, second, list(exact)]


def check_limit_bounds(solution):
    client = TestClient(solution.app)
    _fill(client, "bounds", 3)
    for bad in ["0", "-1", "101", "ten"]:
        response = _call(client, "GET", "/channels/bounds/messages", params={"limit": bad})
        _expect(response, 422, f"GET /channels/bounds/messages?limit={bad}")
    one = _page(client, "bounds", 1)
    hundred = _page(client, "bounds", 100)
    return [one[0], list(hundred)]


def check_cursor_is_opaque(solution):
    client = TestClient(solution.app)
    ids = _fill(client, "opaque", 3)
    _, cursor = _page(client, "opaque", 1)
    assert cursor is not None, "the first of three pages with limit=1 had next_cursor null"
    assert cursor not in {str(i) for i in ids.values()}, (
        f"next_cursor is {cursor!r}, the bare id of a message: encode it so clients treat it"
        " as opaque"
    )
    return True


def check_stable_under_inserts(solution):
    client = TestClient(solution.app)
    _fill(client, "inserts", 7)
    posted = []

    def post_newer(page_number):
        for _ in range(2 if page_number == 1 else 1):
            posted.append(f"new{len(posted) + 1}")
            _post(client, "inserts", posted[-1])

    pages = _walk(client, "inserts", 3, post_newer)
    what = "paging 7 messages with limit=3 while new messages were posted between pages"
    _no_repeats_or_gaps(pages, [f"m{n}" for n in range(1, 8)], what)
    late = [t for page in pages[1:] for t in page if t.startswith("new")]
    assert not late, f"{what}: the later pages served newer messages {late}"
    return pages


def check_stable_under_deletes(solution):
    client = TestClient(solution.app)
    ids = _fill(client, "deletes", 7)

    def delete_some(page_number):
        if page_number == 1:
            # m5 is the last item of the first page: the cursor points at it.
            for text in ["m5", "m6", "m2"]:
                _delete(client, "deletes", ids[text])

    pages = _walk(client, "deletes", 3, delete_some)
    what = "paging 7 messages with limit=3 after deleting m5, m6 (seen) and m2 (unseen)"
    _no_repeats_or_gaps(pages, ["m7", "m4", "m3", "m1"], what)
    assert "m2" not in pages[1] + pages[-1], f"{what}: the deleted m2 was served: {pages}"
    return pages


def check_forged_cursors_are_400(solution):
    client = TestClient(solution.app)
    _fill(client, "forged", 3)
    forged = {
        "!!!": "characters outside base64",
        "": "an empty cursor",
        "bm90LWEta2V5": "base64 of 'not-a-key'",
        "e30=": "base64 of '{}'",
        "WzFd": "base64 of '[1]'",
        "eyJpZCI6ICJ4In0=": 'base64 of \'{"id": "x"}\'',
        "/w==": "base64 of the byte 0xff",
    }
    for cursor, what in forged.items():
        url = f"/channels/forged/messages?cursor={quote(cursor)}"
        response = _call(client, "GET", url)
        _expect(response, 400, f"GET {url} ({what} as the cursor)")
    return len(forged)


def check_delete_unknown_is_404(solution):
    client = TestClient(solution.app)
    ids = _fill(client, "owned", 1)
    _fill(client, "elsewhere", 1)
    response = _call(client, "DELETE", "/channels/elsewhere/messages/999999")
    _expect(response, 404, "DELETE of a message id that was never posted")
    other = _call(client, "DELETE", f"/channels/elsewhere/messages/{ids['m1']}")
    _expect(other, 404, "DELETE of another channel's message")
    twice = _call(client, "DELETE", f"/channels/owned/messages/{ids['m1']}")
    _expect(twice, 204, "DELETE of the channel's own message")
    again = _call(client, "DELETE", f"/channels/owned/messages/{ids['m1']}")
    _expect(again, 404, "a second DELETE of the same message")
    return _page(client, "owned")[0]
