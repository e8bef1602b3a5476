"""Labs in the JSON API and the pages: listed, shown, judged and stored like problems."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow
REFERENCE = (
    "import itertools\n\ndef squares():\n    for n in itertools.count():\n        yield n * n\n"
)
EAGER = "def squares():\n    return [n * n for n in range(10)]\n"


def test_labs_are_listed_and_shown(client: TestClient) -> None:
    listed = client.get("/api/v1/labs").json()
    assert [lab["slug"] for lab in listed["items"]] == ["squares"]
    assert listed["items"][0] | {"status": "new"} == listed["items"][0]
    assert client.get("/api/v1/labs", params={"kind": "sql"}).json()["items"] == []
    detail = client.get("/api/v1/labs/squares").json()
    assert detail["answer_file"] == "solution.py"
    assert "Lazy squares" in detail["task_markdown"]
    assert "NotImplementedError" in detail["starter"]["solution.py"]


def test_a_lab_submission_is_judged_and_stored(client: TestClient) -> None:
    wrong = client.post("/api/v1/labs/squares/submissions", json={"code": EAGER})
    assert wrong.status_code == 201
    result = wrong.json()["result"]
    assert result["verdict"] == "wrong_answer"
    assert "not an iterator" in result["message"]
    right = client.post("/api/v1/labs/squares/submissions", json={"code": REFERENCE}).json()
    assert right["result"]["verdict"] == "accepted"
    assert client.get("/api/v1/labs/squares").json()["status"] == "solved"
    mine = client.get("/api/v1/submissions", params={"problem": "squares"}).json()["items"]
    assert [s["verdict"] for s in mine] == ["accepted", "wrong_answer"]


def test_bad_lab_requests_get_problem_documents_and_store_nothing(client: TestClient) -> None:
    unknown = client.post("/api/v1/labs/nope/submissions", json={"code": REFERENCE})
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert unknown.json()["errors"][0]["field"] == "slug"
    empty = client.post("/api/v1/labs/squares/submissions", json={"code": ""})
    assert empty.status_code == 422
    assert client.get("/api/v1/submissions").json()["items"] == []


def test_the_lab_page_judges_a_submission(client: TestClient) -> None:
    listing = client.get("/labs")
    assert listing.status_code == 200 and "Lazy squares" in listing.text
    page = client.get("/labs/squares")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    judged = client.post("/labs/squares", data={"csrf_token": token.group(1), "code": EAGER})
    assert judged.status_code == 200
    assert "wrong answer" in judged.text
    assert "squares() returned a collection, not an iterator" in judged.text
