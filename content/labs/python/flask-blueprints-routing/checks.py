"""Checks for flask-blueprints-routing: a fresh app per check, driven with the test client."""

import traceback
from urllib.parse import urlsplit

from flask import url_for


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"
    ]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


class Api:
    def __init__(self, solution):
        try:
            self.app = solution.create_app()
        except Exception as exc:
            raise AssertionError(f"create_app() crashed with {_crash(exc)}") from None
        self.app.testing = True  # an exception in a view reaches the check, with its line
        self.client = self.app.test_client()

    def send(self, method, url, **kwargs):
        try:
            return self.client.open(url, method=method, **kwargs)
        except Exception as exc:
            raise AssertionError(
                f"{method} {url} crashed with {_crash(exc)} (a client would get a 500)"
            ) from None

    def status(self, method, url, **kwargs):
        return self.send(method, url, **kwargs).status_code

    def create(self, title, author):
        response = self.send("POST", "/api/v1/books", json={"title": title, "author": author})
        assert response.status_code == 201, (
            f"POST /api/v1/books with a valid book answered {response.status_code}; expected 201"
        )
        return response


def _allow(response):
    return sorted(m.strip() for m in response.headers.get("Allow", "").split(",") if m.strip())


def check_create_returns_201_with_location(solution):
    api = Api(solution)
    first = api.create("A Wizard of Earthsea", "Ursula K. Le Guin")
    second = api.create("Small Gods", "Terry Pratchett")
    locations = [urlsplit(r.headers.get("Location", "")).path for r in (first, second)]
    assert locations[1] == "/api/v1/books/2", (
        f"the second book's Location is {second.headers.get('Location')!r}; expected the URL of"
        " the new book, /api/v1/books/2 (build it with url_for so the blueprint's prefix is included)"
    )
    return {"bodies": [first.get_json(), second.get_json()], "locations": locations}


def check_get_one_by_int_id(solution):
    api = Api(solution)
    api.create("Small Gods", "Terry Pratchett")
    result = {
        url: api.status("GET", url)
        for url in (
            "/api/v1/books/1",
            "/api/v1/books/2",
            "/api/v1/books/abc",
            "/api/v1/books/-1",
            "/api/v1/books/1.5",
        )
    }
    result["body"] = api.send("GET", "/api/v1/books/1").get_json()
    return result


def check_list_and_filter(solution):
    api = Api(solution)
    empty = api.send("GET", "/api/v1/books").get_json()
    for title, author in [
        ("The Dispossessed", "Ursula K. Le Guin"),
        ("Small Gods", "Terry Pratchett"),
        ("The Lathe of Heaven", "Ursula K. Le Guin"),
    ]:
        api.create(title, author)
    everything = api.send("GET", "/api/v1/books").get_json()
    filtered = api.send(
        "GET", "/api/v1/books", query_string={"author": "ursula k. le guin"}
    ).get_json()
    nobody = api.send("GET", "/api/v1/books", query_string={"author": "Nobody"}).get_json()
    return {"empty": empty, "all": everything, "le_guin": filtered, "nobody": nobody}


def check_invalid_bodies_are_400(solution):
    api = Api(solution)
    bodies = {
        "missing_author": {"json": {"title": "Untitled"}},
        "blank_title": {"json": {"title": "  ", "author": "Anon"}},
        "not_a_string": {"json": {"title": 42, "author": "Anon"}},
        "a_list": {"json": ["title", "author"]},
        "not_json": {
            "data": "title=x&author=y",
            "content_type": "application/x-www-form-urlencoded",
        },
        "broken_json": {"data": "{not json", "content_type": "application/json"},
    }
    result = {
        label: api.status("POST", "/api/v1/books", **kwargs) for label, kwargs in bodies.items()
    }
    result["stored"] = api.send("GET", "/api/v1/books").get_json()
    return result


def check_put_replaces_and_delete_removes(solution):
    api = Api(solution)
    api.create("Smal Gods", "Terry Pratchet")
    replaced = api.send(
        "PUT", "/api/v1/books/1", json={"title": "Small Gods", "author": "Terry Pratchett"}
    )
    missing_put = api.status("PUT", "/api/v1/books/9", json={"title": "X", "author": "Y"})
    deleted = api.send("DELETE", "/api/v1/books/1")
    again = api.status("DELETE", "/api/v1/books/1")
    assert deleted.status_code == 204 and deleted.get_data() == b"", (
        f"DELETE of an existing book answered {deleted.status_code} with body"
        f" {deleted.get_data()[:60]!r}; expected 204 and an empty body"
    )
    assert again == 404, (
        f"deleting the same book a second time answered {again}; the book no longer exists, so 404"
        " (DELETE is idempotent in its effect on the server, not in its status code)"
    )
    return {
        "put": [replaced.status_code, replaced.get_json()],
        "put_missing": missing_put,
        "get_after_delete": api.status("GET", "/api/v1/books/1"),
    }


def check_wrong_methods_are_405(solution):
    api = Api(solution)
    api.create("Small Gods", "Terry Pratchett")
    result = {}
    for method, url in [
        ("PATCH", "/api/v1/books/1"),
        ("POST", "/api/v1/books/1"),
        ("DELETE", "/api/v1/books"),
        ("PUT", "/api/v1/books"),
    ]:
        response = api.send(method, url)
        result[f"{method} {url}"] = [response.status_code, _allow(response)]
    return result


def check_url_for_builds_blueprint_urls(solution):
    api = Api(solution)
    with api.app.test_request_context():
        try:
            urls = [
                url_for("books.get_book", book_id=7),
                url_for("books.list_books"),
                url_for("books.list_books", author="Le Guin"),
            ]
        except Exception as exc:
            raise AssertionError(
                f"url_for could not build the books endpoints ({_crash(exc)}); the views must be"
                " named list_books and get_book on the 'books' blueprint"
            ) from None
    rules = sorted(
        [rule.rule, rule.endpoint, sorted(rule.methods - {"HEAD", "OPTIONS"})]
        for rule in api.app.url_map.iter_rules()
        if rule.endpoint.startswith("books.") and "GET" in rule.methods
    )
    return {"urls": urls, "get_rules": [[rule, endpoint] for rule, endpoint, _ in rules]}
