"""The JSON API through httpx against the app: every endpoint, and bad input answered with a
problem document and nothing stored."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import RIGHT, WRONG

PROBLEM = "application/problem+json"


def _problem(response: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"]
    if field is not None:
        assert field in [e["field"] for e in body["errors"]], body
    return body


def _review_count(client: TestClient) -> int:
    count: int = client.get("/api/v1/stats").json()["total_reviews"]
    return count


# --- curriculum --------------------------------------------------------------------------------


def test_topics_are_paginated_by_cursor_until_the_end(client: TestClient) -> None:
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v1/topics", params=params).json()
        seen += [t["id"] for t in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["gens", "funcs", "misc"]


def test_topics_filter_by_section_and_reject_unknown_ones(client: TestClient) -> None:
    page = client.get("/api/v1/topics", params={"section": "extras"}).json()
    assert [t["id"] for t in page["items"]] == ["misc"]
    _problem(client.get("/api/v1/topics", params={"section": "nope"}), 404, "section")
    _problem(client.get("/api/v1/topics", params={"cursor": "!!!"}), 400, "cursor")
    _problem(client.get("/api/v1/topics", params={"limit": 0}), 422, "query.limit")


def test_topic_detail_has_its_lesson_and_problems(client: TestClient) -> None:
    topic = client.get("/api/v1/topics/gens").json()
    assert topic["lesson"]["summary"] == "Generators produce values lazily."
    assert "```python" in topic["lesson"]["body_markdown"]
    assert topic["problems"] == ["increment"] and topic["priority"] == "high"
    _problem(client.get("/api/v1/topics/nope"), 404, "topic_id")


# --- study -------------------------------------------------------------------------------------


def test_next_card_never_reveals_the_answer(client: TestClient) -> None:
    body = client.get("/api/v1/study/next", params={"topic": "funcs"}).json()
    card = body["card"]
    assert body["is_new"] and card["topic"] == "funcs"
    text = str(card)
    assert "correct" not in text and "answer" not in card
    _problem(client.get("/api/v1/study/next", params={"topic": "nope"}), 404, "topic")


def _card_of_kind(client: TestClient, kind: str) -> dict[str, Any]:
    for topic in ("gens", "funcs", "misc"):
        # Walk each topic's cards by reviewing them would change state; ask the catalog instead.
        card = client.get("/api/v1/study/next", params={"topic": topic}).json()["card"]
        if card and card["kind"] == kind:
            return dict(card)
    raise AssertionError(f"no {kind} card is first in any topic")


def test_a_recall_review_is_recorded_with_the_rating_given(client: TestClient) -> None:
    recall = _card_of_kind(client, "recall")
    response = client.post("/api/v1/reviews", json={"card_id": recall["id"], "rating": 4})
    assert response.status_code == 201, response.text
    assert response.json()["rating"] == 4 and response.json()["correct"] is None
    assert _review_count(client) == 1


def test_a_wrong_auto_graded_answer_is_recorded_as_again_whatever_the_rating(
    client: TestClient,
) -> None:
    output = _card_of_kind(client, "output")
    body = {"card_id": output["id"], "rating": 4, "answer": {"text": "surely not this"}}
    review = client.post("/api/v1/reviews", json=body).json()
    assert review["correct"] is False and review["rating"] == 1
    assert review["expected"] == "[0, 1] []"


def test_check_grades_without_recording(client: TestClient) -> None:
    output = _card_of_kind(client, "output")
    graded = client.post(f"/api/v1/cards/{output['id']}/check", json={"text": "[0, 1] []"})
    assert graded.json()["correct"] is True
    assert _review_count(client) == 0


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"card_id": "gens/nope", "rating": 3}, 404, "card_id"),
        ({"card_id": "gens/lazy", "rating": 3}, 422, "answer"),  # output card without an answer
        ({"card_id": "gens/lazy", "rating": 9, "answer": {"text": "x"}}, 422, "body.rating"),
        ({"rating": 3}, 422, "body.card_id"),
        ({"card_id": "gens/lazy", "answer": {"text": "x" * 30_000}}, 422, "body.answer.text"),
    ],
)
def test_invalid_reviews_get_a_problem_naming_the_field_and_store_nothing(
    client: TestClient, body: dict[str, Any], status: int, field: str
) -> None:
    _problem(client.post("/api/v1/reviews", json=body), status, field)
    assert _review_count(client) == 0


def test_wrong_content_type_and_malformed_json_are_refused(client: TestClient) -> None:
    form = client.post("/api/v1/reviews", data={"card_id": "gens/lazy", "rating": "3"})
    _problem(form, 415)
    broken = client.post(
        "/api/v1/reviews", content=b"{not json", headers={"content-type": "application/json"}
    )
    _problem(broken, 422)
    assert _review_count(client) == 0


def test_an_oversized_body_is_refused_before_it_is_read(client: TestClient) -> None:
    huge = "x" * (1024 * 1024 + 10)
    _problem(client.post("/api/v1/problems/increment/runs", json={"code": huge}), 413)


# --- problems ----------------------------------------------------------------------------------


def test_problem_list_filters_and_detail_shows_samples(client: TestClient) -> None:
    listing = client.get("/api/v1/problems", params={"difficulty": "easy"}).json()
    assert [p["slug"] for p in listing["items"]] == ["increment"]
    assert listing["items"][0]["status"] == "new"
    assert client.get("/api/v1/problems", params={"difficulty": "hard"}).json()["items"] == []
    detail = client.get("/api/v1/problems/increment").json()
    assert detail["starter"].startswith("def solve") and detail["samples"]
    _problem(client.get("/api/v1/problems/nope"), 404, "slug")
    _problem(client.get("/api/v1/problems", params={"difficulty": "extreme"}), 422)


def test_run_judges_samples_and_stores_nothing(client: TestClient) -> None:
    run = client.post("/api/v1/problems/increment/runs", json={"code": WRONG}).json()
    assert run["verdict"] == "wrong_answer"
    failing = next(c for c in run["cases"] if c["verdict"] == "wrong_answer")
    assert failing["sample"] and failing["input"] == {"x": 1} and failing["actual"] == 3
    assert client.get("/api/v1/submissions").json()["items"] == []


def test_submissions_are_stored_listed_newest_first_and_change_the_status(
    client: TestClient,
) -> None:
    wrong = client.post("/api/v1/problems/increment/submissions", json={"code": WRONG})
    assert wrong.status_code == 201 and wrong.json()["verdict"] == "wrong_answer"
    right = client.post("/api/v1/problems/increment/submissions", json={"code": RIGHT}).json()
    assert right["verdict"] == "accepted" and right["code"] == RIGHT
    page = client.get("/api/v1/submissions", params={"limit": 1}).json()
    assert [s["id"] for s in page["items"]] == [right["id"]]
    rest = client.get("/api/v1/submissions", params={"cursor": page["next_cursor"]}).json()
    assert [s["id"] for s in rest["items"]] == [wrong.json()["id"]] and rest["next_cursor"] is None
    assert client.get("/api/v1/problems/increment").json()["status"] == "solved"
    detail = client.get(f"/api/v1/submissions/{right['id']}").json()
    assert detail["result"]["passed"] == detail["result"]["total"]


@pytest.mark.parametrize(
    ("code", "field"),
    [
        ("", "body.code"),
        ("x" * (256 * 1024 + 1), "body.code"),
        ("é" * (128 * 1024 + 1), "body.code"),
    ],
)
def test_empty_or_oversized_code_is_refused_and_not_stored(
    client: TestClient, code: str, field: str
) -> None:
    _problem(client.post("/api/v1/problems/increment/submissions", json={"code": code}), 422, field)
    assert client.get("/api/v1/submissions").json()["items"] == []


def test_unknown_problem_and_submission_are_404(client: TestClient) -> None:
    _problem(client.post("/api/v1/problems/nope/submissions", json={"code": RIGHT}), 404, "slug")
    _problem(client.get("/api/v1/submissions/999"), 404, "submission_id")
    _problem(client.get("/api/v1/submissions/abc"), 422, "path.submission_id")


# --- stats and settings ------------------------------------------------------------------------


def test_stats_cover_six_months_a_30_day_forecast_and_readiness(client: TestClient) -> None:
    recall = _card_of_kind(client, "recall")
    client.post("/api/v1/reviews", json={"card_id": recall["id"], "rating": 3})
    stats = client.get("/api/v1/stats").json()
    assert len(stats["per_day"]) == 182 and len(stats["forecast"]) == 30
    assert stats["per_day"][-1]["reviews"] == 1 and stats["streak_days"] == 1
    sections = {s["id"]: s for s in stats["readiness"]["sections"]}
    assert sections["basics"]["seen"] + sections["extras"]["seen"] == 1
    assert 0 < stats["readiness"]["overall"] < 1


def test_settings_change_partially_and_reject_out_of_range(client: TestClient) -> None:
    changed = client.patch("/api/v1/settings", json={"new_cards_per_day": 5}).json()
    assert changed["new_cards_per_day"] == 5 and changed["desired_retention"] == 0.9
    dated = client.patch("/api/v1/settings", json={"interview_date": "2027-01-15"}).json()
    assert dated["interview_date"] == "2027-01-15" and dated["new_cards_per_day"] == 5
    _problem(client.patch("/api/v1/settings", json={"desired_retention": 1.5}), 422)
    _problem(client.patch("/api/v1/settings", json={"interview_date": "soon"}), 422)
    assert client.get("/api/v1/settings").json() == dated
    cleared = client.patch("/api/v1/settings", json={"clear_interview_date": True}).json()
    assert cleared["interview_date"] is None


def test_openapi_documents_every_endpoint_and_the_problem_schema(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "Problem" in schema["components"]["schemas"]
    paths = set(schema["paths"])
    assert {
        "/api/v1/topics",
        "/api/v1/topics/{topic_id}",
        "/api/v1/study/next",
        "/api/v1/reviews",
        "/api/v1/problems",
        "/api/v1/problems/{slug}/submissions",
        "/api/v1/submissions",
        "/api/v1/stats",
        "/api/v1/settings",
    } <= paths
    assert not any(p.startswith("/study") or p == "/" for p in paths)  # pages stay out


def test_docs_are_served_without_a_cdn(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/v1/openapi.json" in page.text
    assert "cdn" not in page.text.lower()
    bundle = client.get("/static/docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000


def test_plan_needs_a_date_then_forecasts_recall_per_section(client: TestClient) -> None:
    _problem(client.get("/api/v1/plan"), 409, "interview_date")
    from datetime import date, timedelta

    target = (date.today() + timedelta(days=10)).isoformat()
    plan = client.get("/api/v1/plan", params={"interview_date": target, "minutes": 30}).json()
    assert len(plan["days"]) == 10 and plan["high_priority_topics_missed"] == []
    assert {s["section_id"] for s in plan["forecast"]} == {"basics", "extras"}
    assert 0 < plan["overall_with_plan"] <= 1 and plan["overall_now"] == 0
    _problem(client.get("/api/v1/plan", params={"interview_date": "2000-01-01"}), 422)


def test_questions_and_the_drill(client: TestClient) -> None:
    [question] = client.get("/api/v1/questions").json()
    assert question["id"] == "q-gens" and question["key_points"] == 4
    detail = client.get("/api/v1/questions/q-gens").json()
    assert (
        detail["key_point_texts"][0] == "They are lazy." and "```python" in detail["body_markdown"]
    )
    _problem(client.get("/api/v1/questions/q-nope"), 404, "question_id")
    upcoming = client.get("/api/v1/drill/next").json()
    assert upcoming["question"]["id"] == "q-gens" and upcoming["is_new"]
    bad = client.post("/api/v1/drill/answers", json={"question_id": "q-gens", "covered": [7]})
    _problem(bad, 422, "covered")
    done = client.post(
        "/api/v1/drill/answers", json={"question_id": "q-gens", "covered": [0, 1, 2], "answer": "x"}
    )
    assert done.status_code == 201 and done.json()["rating"] == 3
    assert client.get("/api/v1/drill/next").json()["question"] is None
    assert client.get("/api/v1/stats").json()["total_reviews"] == 1


def _story(**changes: Any) -> dict[str, Any]:
    from tests.interview.test_stories import GOOD

    return GOOD.model_dump() | {"questions": ["q-gens"]} | changes


def test_stories_crud_with_checks_and_practice(client: TestClient) -> None:
    created = client.post("/api/v1/stories", json=_story())
    assert created.status_code == 201 and created.json()["check"]["ok"] is True
    story_id = created.json()["id"]
    weak = client.put(f"/api/v1/stories/{story_id}", json=_story(result="It went fine."))
    assert weak.status_code == 200 and not weak.json()["check"]["ok"]
    assert any("no number" in p for p in weak.json()["check"]["problems"])
    assert [s["id"] for s in client.get("/api/v1/stories").json()] == [story_id]
    practice = client.get("/api/v1/practice/behavioral", params={"question_id": "q-gens"}).json()
    assert practice["story"]["id"] == story_id
    _problem(
        client.post("/api/v1/stories", json=_story(competencies=["heroics"])),
        422,
        "body.competencies.0",
    )
    _problem(client.post("/api/v1/stories", json=_story(questions=["q-nope"])), 422, "questions")
    _problem(client.get("/api/v1/stories/999"), 404, "story_id")
    assert client.delete(f"/api/v1/stories/{story_id}").status_code == 204
    assert client.get("/api/v1/stories").json() == []


def test_design_practice_saves_reveals_after_an_attempt_and_scores(client: TestClient) -> None:
    [prompt] = client.get("/api/v1/design/prompts").json()
    assert (
        prompt["id"] == "dp-counter" and prompt["status"] == "new" and prompt["total_points"] == 10
    )
    _problem(client.get("/api/v1/design/prompts/dp-counter/reveal"), 409)
    _problem(
        client.post("/api/v1/design/prompts/dp-counter/score", json={"points": [1, 1, 1, 1]}), 409
    )
    saved = client.put(
        "/api/v1/design/prompts/dp-counter/draft", json={"requirements": "10M pages"}
    )
    assert saved.status_code == 201 and "API is missing" in saved.json()["problems"]
    reveal = client.get("/api/v1/design/prompts/dp-counter/reveal").json()
    assert "## Estimates" in reveal["model_markdown"] and len(reveal["rubric"]) == 4
    bad = client.post("/api/v1/design/prompts/dp-counter/score", json={"points": [9, 1, 1, 1]})
    _problem(bad, 422, "scores")
    scored = client.post("/api/v1/design/prompts/dp-counter/score", json={"points": [3, 1, 1, 0]})
    assert scored.json()["scores"] == [3, 1, 1, 0]
    detail = client.get("/api/v1/design/prompts/dp-counter").json()
    assert detail["score"] == 5 and detail["status"] == "gaps"
    _problem(client.get("/api/v1/design/prompts/dp-nope"), 404)
    calc = client.post(
        "/api/v1/capacity",
        json={
            "daily_active_users": 1_000_000,
            "requests_per_user_per_day": 20,
            "write_fraction": 0.5,
            "bytes_per_write": 100,
            "bytes_per_response": 1000,
            "retention_days": 30,
        },
    ).json()
    assert round(calc["average_qps"]) == 231 and calc["steps"][0].startswith("requests/day")


def test_mock_interview_through_the_api(client: TestClient) -> None:
    started = client.post("/api/v1/mocks", json={"minutes": 45})
    assert started.status_code == 201
    mock = started.json()
    assert [p["kind"] for p in mock["parts"]] == ["concept", "coding", "design"]
    mock_id = mock["id"]
    client.post("/api/v1/problems/increment/submissions", json={"code": RIGHT})
    client.post(f"/api/v1/mocks/{mock_id}/parts/0", json={"covered": [0, 1]})
    coding = client.post(f"/api/v1/mocks/{mock_id}/parts/1", json={}).json()
    assert coding["parts"][1]["score"] == 1.0
    _problem(client.post(f"/api/v1/mocks/{mock_id}/parts/0", json={"covered": [9]}), 422, "covered")
    _problem(client.post(f"/api/v1/mocks/{mock_id}/parts/7", json={}), 422, "part")
    report = client.post(f"/api/v1/mocks/{mock_id}/finish").json()
    assert 0 < report["mock"]["score"] < 1 and "misc" in report["weak_topics"]
    _problem(client.post(f"/api/v1/mocks/{mock_id}/parts/2", json={}), 409)
    assert [m["id"] for m in client.get("/api/v1/mocks").json()] == [mock_id]
    _problem(client.get("/api/v1/mocks/999"), 404, "mock_id")
    _problem(client.post("/api/v1/mocks", json={"minutes": 30}), 422)
