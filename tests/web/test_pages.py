"""Server-rendered pages, driven as a browser without JavaScript would: links and forms."""

from __future__ import annotations

import re
from datetime import date

from fastapi.testclient import TestClient

from prep.web.charts import bar_chart, heatmap
from tests.web.conftest import RIGHT, WRONG


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found
    return found.group(1)


def _hidden(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def test_every_page_renders(client: TestClient) -> None:
    for path in (
        "/",
        "/topics",
        "/topics/gens",
        "/study",
        "/problems",
        "/problems/increment",
        "/problems/increment/submissions",
        "/settings",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in response.headers["content-security-policy"]


def test_unknown_pages_are_readable_404s(client: TestClient) -> None:
    for path in ("/topics/nope", "/problems/nope", "/submissions/42", "/study?topic=nope"):
        response = client.get(path)
        assert response.status_code == 404 and "Not found" in response.text, path


def test_lesson_page_highlights_code_and_escapes_content(client: TestClient) -> None:
    page = client.get("/topics/gens").text
    assert 'class="code"' in page  # Pygments-highlighted example
    assert "Generators produce values lazily." in page
    assert "<script>" not in page.split("</head>")[1]


def test_recall_card_reviewed_through_forms_reaches_the_dashboard(client: TestClient) -> None:
    page = client.get("/study?topic=misc").text
    assert 'id="reveal"' in page  # misc's first card is a recall card, revealed by <details>
    fields = _hidden(page)
    response = client.post("/study/review", data=fields | {"rating": "3"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/study?topic=misc"
    dashboard = client.get("/").text
    assert re.search(r'id="reviews-today">1<', dashboard)
    assert 'data-count="1"' in dashboard  # today's heatmap cell


def test_typed_answer_is_graded_then_rated(client: TestClient) -> None:
    page = client.get("/study?topic=gens").text
    fields = _hidden(page)
    assert fields["card_id"] == "gens/lazy"
    graded = client.post("/study/check", data=fields | {"text": "[0, 1] [0, 1]"})
    assert graded.status_code == 200 and "Not quite" in graded.text and "[0, 1] []" in graded.text
    assert "recorded as Again" in graded.text
    carried = _hidden(graded.text)
    assert carried["text"] == "[0, 1] [0, 1]"
    client.post("/study/review", data=carried | {"rating": "1"})
    stats = client.get("/api/v1/stats").json()
    assert stats["total_reviews"] == 1


def test_a_forged_rating_for_a_wrong_answer_is_still_again(client: TestClient) -> None:
    fields = _hidden(client.get("/study?topic=gens").text)
    client.post("/study/review", data=fields | {"text": "wrong", "rating": "4"})
    [review] = client.get("/api/v1/stats").json()["per_day"][-1:]
    assert review["reviews"] == 1 and review["correct"] == 0  # recorded as Again


def test_problem_page_runs_and_submits_with_verdicts(client: TestClient) -> None:
    page = client.get("/problems/increment").text
    token = _csrf(page)
    run = client.post(
        "/problems/increment", data={"csrf_token": token, "code": WRONG, "action": "run"}
    )
    assert 'id="failing-sample"' in run.text and "wrong answer" in run.text
    assert client.get("/api/v1/submissions").json()["items"] == []  # runs are not stored
    wrong = client.post(
        "/problems/increment", data={"csrf_token": token, "code": WRONG, "action": "submit"}
    )
    assert "wrong answer" in wrong.text and "submission 1" in wrong.text
    right = client.post(
        "/problems/increment", data={"csrf_token": token, "code": RIGHT, "action": "submit"}
    )
    assert 'class="verdict-name">accepted' in right.text
    history = client.get("/problems/increment/submissions").text
    assert history.count("/submissions/") == 2
    assert "solved" in client.get("/problems?status=solved").text
    assert "x + 1" in client.get("/problems/increment").text  # the editor keeps the last code


def test_empty_code_is_refused_on_the_page_and_not_stored(client: TestClient) -> None:
    token = _csrf(client.get("/problems/increment").text)
    page = client.post(
        "/problems/increment", data={"csrf_token": token, "code": " ", "action": "submit"}
    )
    assert page.status_code == 422 and "the code is empty" in page.text
    assert client.get("/api/v1/submissions").json()["items"] == []


def test_settings_page_validates_and_keeps_the_old_values(client: TestClient) -> None:
    token = _csrf(client.get("/settings").text)
    bad = client.post(
        "/settings",
        data={
            "csrf_token": token,
            "desired-retention": "2",
            "new-cards-per-day": "5",
            "interview-date": "",
        },
    )
    assert bad.status_code == 422 and "desired-retention must be between" in bad.text
    assert client.get("/api/v1/settings").json()["new_cards_per_day"] == 20
    good = client.post(
        "/settings",
        data={
            "csrf_token": token,
            "desired-retention": "0.85",
            "new-cards-per-day": "5",
            "interview-date": "2027-03-01",
        },
    )
    assert good.status_code == 200
    assert client.get("/api/v1/settings").json() == {
        "desired_retention": 0.85,
        "new_cards_per_day": 5,
        "interview_date": "2027-03-01",
    }
    assert "days to the interview" in client.get("/").text


def test_heatmap_shades_by_count_and_forecast_draws_one_bar_per_day() -> None:
    days = [(date(2026, 11, d), n) for d, n in ((23, 0), (24, 1), (25, 8))]
    svg = heatmap(days)
    assert svg.count("<rect") == 3 and 'fill="#ebedf0"' in svg and "8 reviews" in svg
    assert "<script" not in svg
    bars = bar_chart([(date(2026, 11, 29), 5), (date(2026, 11, 30), 0)])
    assert bars.count("<rect") == 2 and "5 cards due" in bars


def test_plan_page_asks_for_a_date_then_shows_the_forecast(client: TestClient) -> None:
    from datetime import date, timedelta

    assert "Set the interview date" in client.get("/plan").text
    target = (date.today() + timedelta(days=7)).isoformat()
    page = client.get(f"/plan?interview_date={target}&minutes=20")
    assert page.status_code == 200 and 'id="plan-overall"' in page.text
    assert page.text.count("<tr>") >= 7 + 2  # a row per day, a row per section
    bad = client.get("/plan?interview_date=tomorrowish")
    assert bad.status_code == 422 and "YYYY-MM-DD" in bad.text


def test_drill_page_asks_reveals_and_records_by_form(client: TestClient) -> None:
    page = client.get("/drill").text
    assert "What are generators?" in page
    fields = _hidden(page)
    revealed = client.post("/drill/reveal", data=fields | {"answer": "lazy <b>values</b>"})
    assert revealed.status_code == 200 and "They are single-pass iterators." in revealed.text
    assert "lazy &lt;b&gt;values&lt;/b&gt;" in revealed.text  # the typed answer, escaped
    carried = _hidden(revealed.text)
    recorded = client.post(
        "/drill/grade", data=carried | {"point": ["0", "1", "2", "3"]}, follow_redirects=False
    )
    assert recorded.status_code == 303 and recorded.headers["location"] == "/drill"
    assert 'id="done"' in client.get("/drill").text
    assert "Functions that pause" in client.get("/questions/q-gens").text


def test_story_bank_pages_save_check_and_practise(client: TestClient) -> None:
    from tests.interview.test_stories import GOOD

    page = client.get("/stories").text
    assert "No stories yet" in page
    form = {"csrf_token": _csrf(page), "questions": ["q-gens"], "competencies": ["delivery"]}
    form |= {k: v for k, v in GOOD.model_dump().items() if isinstance(v, str)}
    saved = client.post("/stories", data=form, follow_redirects=False)
    assert saved.status_code == 303
    listing = client.get("/stories").text
    assert "Cut deploy time" in listing and "All checks pass" in listing
    bad = client.post("/stories", data=form | {"title": ""})
    assert bad.status_code == 422 and "title" in bad.text
    practice = client.get("/stories/practice?question=q-gens").text
    assert "Cut deploy time" in practice and 'id="reveal"' in practice


def test_design_page_saves_checks_calculates_and_scores(client: TestClient) -> None:
    page = client.get("/design/dp-counter")
    assert "Count page views" in page.text and "appear once you have saved" in page.text
    token = _csrf(page.text)
    saved = client.post(
        "/design/dp-counter",
        data={"csrf_token": token, "requirements": "10 million pages, 1,000 views a second"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    page = client.get("/design/dp-counter").text
    assert "Requirements is thin" in page and 'id="model"' in page and "Batching writes" in page
    scored = client.post(
        "/design/dp-counter/score",
        data={"csrf_token": token, "score0": "3", "score1": "2", "score2": "0", "score3": "1"},
        follow_redirects=False,
    )
    assert scored.status_code == 303
    assert "your score 6" in client.get("/design/dp-counter").text
    calc = client.get(
        "/design/dp-counter?daily_active_users=1000000&requests_per_user_per_day=20"
        "&write_fraction=0.1&bytes_per_write=1000&bytes_per_response=2000&retention_days=365"
        "&peak_factor=2&replication=3"
    ).text
    assert "average QPS = 20,000,000 / 86,400 s = 231" in calc
    assert "6/10" in client.get("/design").text


def test_mock_pages_walk_every_part_to_a_report(client: TestClient) -> None:
    home = client.get("/mock").text
    started = client.post(
        "/mock", data={"csrf_token": _csrf(home), "minutes": "45"}, follow_redirects=False
    )
    assert started.status_code == 303
    url = started.headers["location"]
    page = client.get(url).text
    assert 'id="timer" data-seconds="240"' in page and "What are generators?" in page
    token = _csrf(page)
    client.post(
        f"{url}/part/0",
        data={"csrf_token": token, "kind": "concept", "covered": ["0", "1", "2", "3"]},
    )
    page = client.get(url).text
    assert 'id="problem-link"' in page
    client.post(f"{url}/part/1", data={"csrf_token": token, "kind": "coding"})
    client.post(
        f"{url}/part/2", data={"csrf_token": token, "kind": "design", "requirements": "10M pages"}
    )
    report = client.get(url, follow_redirects=True).text
    assert "in progress" in report and 'id="finish-form"' in report
    done = client.post(f"{url}/finish", data={"csrf_token": token}, follow_redirects=True).text
    assert 'id="mock-score"' in done and "in progress" not in done and "weak-topics" in done
    assert "unfinished" not in client.get("/mock").text


def test_readiness_combines_recall_problems_and_mocks_and_explains_itself(
    client: TestClient,
) -> None:
    before = {s["id"]: s for s in client.get("/api/v1/readiness").json()["sections"]}
    # basics has one problem (increment) and one lab (squares)
    assert before["basics"]["problems_total"] == 2 and before["basics"]["readiness"] == 0
    client.post("/api/v1/problems/increment/submissions", json={"code": RIGHT})
    after = {s["id"]: s for s in client.get("/api/v1/readiness").json()["sections"]}
    # recall 0 (weight 0.6) and 1 of 2 exercises solved (weight 0.25): 0.125 / 0.85
    assert after["basics"]["problems_solved"] == 1
    assert abs(after["basics"]["readiness"] - 0.125 / 0.85) < 1e-9
    assert after["extras"]["problems_total"] == 0 and after["extras"]["readiness"] == 0
    mock = client.post("/api/v1/mocks", json={"minutes": 45}).json()
    client.post(f"/api/v1/mocks/{mock['id']}/parts/0", json={"covered": [0, 1, 2, 3]})
    client.post(f"/api/v1/mocks/{mock['id']}/finish")
    with_mock = {s["id"]: s for s in client.get("/api/v1/readiness").json()["sections"]}
    assert with_mock["basics"]["mock_parts"] >= 1 and with_mock["basics"]["mock_score"] is not None
    page = client.get("/readiness/basics").text
    assert "Card recall" in page and "1/2" in page and "Mock #" in page
    assert client.get("/readiness/nope").status_code == 404
    assert 'href="/readiness/basics"' in client.get("/").text
