"""Hosted mode: accounts, sessions, tokens, CSRF, login rate limiting and per-user isolation."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from prep.cli.app import app as cli
from prep.web.config import ConfigError, WebConfig, config_for
from tests.web.conftest import RIGHT, AppFactory

PASSWORD = "correct horse battery"


def _token(client: TestClient, username: str, password: str = PASSWORD) -> str:
    client.post("/api/v1/accounts", json={"username": username, "password": password})
    response = client.post("/api/v1/tokens", json={"username": username, "password": password})
    assert response.status_code == 201, response.text
    token: str = response.json()["token"]
    return token


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_hosted_mode_refuses_to_start_without_a_secret_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PREP_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="PREP_SECRET_KEY"):
        WebConfig(hosted=True).validated()
    with pytest.raises(ConfigError, match="too short"):
        WebConfig(hosted=True, secret_key="short").validated()
    # Listening beyond loopback means hosted, whatever was asked.
    with pytest.raises(ConfigError):
        config_for("0.0.0.0", 8000)
    assert not config_for("127.0.0.1", 8000).hosted
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1 and "PREP_SECRET_KEY" in result.output


def test_without_credentials_the_api_says_401_and_pages_send_to_login(
    hosted_client: TestClient,
) -> None:
    response = hosted_client.get("/api/v1/stats")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["www-authenticate"] == "Bearer"
    page = hosted_client.get("/study", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Fstudy"
    bad = hosted_client.get("/api/v1/stats", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401


def test_sign_up_validates_and_usernames_are_unique(hosted_client: TestClient) -> None:
    ok = hosted_client.post("/api/v1/accounts", json={"username": "Ada", "password": PASSWORD})
    assert ok.status_code == 201 and ok.json()["username"] == "ada"
    again = hosted_client.post("/api/v1/accounts", json={"username": "ada", "password": PASSWORD})
    assert again.status_code == 409
    short = hosted_client.post("/api/v1/accounts", json={"username": "bob", "password": "short"})
    assert short.status_code == 422 and short.json()["errors"][0]["field"] == "password"
    local = hosted_client.post("/api/v1/accounts", json={"username": "local", "password": PASSWORD})
    assert local.status_code == 422


def test_tokens_authenticate_and_can_be_revoked(hosted_client: TestClient) -> None:
    token = _token(hosted_client, "ada")
    assert hosted_client.get("/api/v1/settings", headers=_auth(token)).status_code == 200
    revoked = hosted_client.delete("/api/v1/tokens/current", headers=_auth(token))
    assert revoked.status_code == 204
    assert hosted_client.get("/api/v1/settings", headers=_auth(token)).status_code == 401


def test_failed_logins_are_rate_limited(hosted_client: TestClient) -> None:
    _token(hosted_client, "ada")
    for _ in range(5):
        wrong = hosted_client.post("/api/v1/tokens", json={"username": "ada", "password": "x" * 12})
        assert wrong.status_code == 401
    limited = hosted_client.post("/api/v1/tokens", json={"username": "ada", "password": PASSWORD})
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0


def test_user_a_can_never_read_or_change_user_b_data(hosted_client: TestClient) -> None:
    a, b = _token(hosted_client, "ada"), _token(hosted_client, "bob")
    card = hosted_client.get("/api/v1/study/next", headers=_auth(a)).json()["card"]
    answer = {"text": "x"} if card["auto_graded"] else None
    review = {"card_id": card["id"], "rating": 3, "answer": answer}
    assert hosted_client.post("/api/v1/reviews", json=review, headers=_auth(a)).status_code == 201
    submitted = hosted_client.post(
        "/api/v1/problems/increment/submissions", json={"code": RIGHT}, headers=_auth(a)
    ).json()
    hosted_client.patch("/api/v1/settings", json={"new_cards_per_day": 3}, headers=_auth(a))

    assert (
        hosted_client.get(f"/api/v1/submissions/{submitted['id']}", headers=_auth(b)).status_code
        == 404
    )
    assert hosted_client.get("/api/v1/submissions", headers=_auth(b)).json()["items"] == []
    b_stats = hosted_client.get("/api/v1/stats", headers=_auth(b)).json()
    assert b_stats["total_reviews"] == 0
    assert (
        hosted_client.get("/api/v1/problems/increment", headers=_auth(b)).json()["status"] == "new"
    )
    hosted_client.patch("/api/v1/settings", json={"new_cards_per_day": 50}, headers=_auth(b))
    assert hosted_client.get("/api/v1/settings", headers=_auth(a)).json()["new_cards_per_day"] == 3
    assert hosted_client.get("/api/v1/stats", headers=_auth(a)).json()["total_reviews"] == 1
    page = hosted_client.get(f"/submissions/{submitted['id']}", headers=_auth(b))
    assert page.status_code == 404


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the form carries no CSRF token"
    return found.group(1)


def test_browser_login_sets_a_safe_session_cookie_and_forms_need_csrf(
    hosted_client: TestClient,
) -> None:
    hosted_client.post("/api/v1/accounts", json={"username": "ada", "password": PASSWORD})
    login_form = hosted_client.get("/login?next=/settings")
    token = _csrf(login_form.text)
    forged = hosted_client.post(
        "/login",
        data={"username": "ada", "password": PASSWORD, "csrf_token": "forged"},
        follow_redirects=False,
    )
    assert forged.status_code == 403
    response = hosted_client.post(
        "/login",
        data={"username": "ada", "password": PASSWORD, "csrf_token": token, "next": "//evil.com"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert "prep_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie

    settings = hosted_client.get("/settings")
    assert settings.status_code == 200 and "ada" in settings.text
    no_token = hosted_client.post("/settings", data={"new-cards-per-day": "7"})
    assert no_token.status_code == 403
    saved = hosted_client.post(
        "/settings",
        data={
            "csrf_token": _csrf(settings.text),
            "desired-retention": "0.9",
            "new-cards-per-day": "7",
            "interview-date": "",
        },
    )
    assert saved.status_code == 200 and 'id="saved"' in saved.text

    logout = hosted_client.post(
        "/logout", data={"csrf_token": _csrf(saved.text)}, follow_redirects=False
    )
    assert logout.status_code == 303
    assert hosted_client.get("/settings", follow_redirects=False).status_code == 303


def test_wrong_password_on_the_page_says_so_without_logging_in(hosted_client: TestClient) -> None:
    hosted_client.post("/api/v1/accounts", json={"username": "ada", "password": PASSWORD})
    token = _csrf(hosted_client.get("/login").text)
    page = hosted_client.post(
        "/login", data={"username": "ada", "password": "wrong password", "csrf_token": token}
    )
    assert page.status_code == 401 and "Wrong username or password." in page.text
    assert "prep_session" not in page.headers.get("set-cookie", "")


def test_local_mode_forms_need_the_csrf_token_too(client: TestClient) -> None:
    rejected = client.post("/settings", data={"new-cards-per-day": "3"})
    assert rejected.status_code == 403
    assert client.get("/api/v1/settings").json()["new_cards_per_day"] == 20


def test_local_mode_answers_only_its_own_host_names(make_app: AppFactory) -> None:
    with TestClient(make_app(), base_url="http://evil.example") as rebound:
        assert rebound.get("/api/v1/stats").status_code == 400
    with TestClient(make_app(), base_url="http://localhost:8000") as local:
        assert local.get("/api/v1/stats").status_code == 200


def test_accounts_do_not_exist_in_local_mode(client: TestClient) -> None:
    response = client.post("/api/v1/accounts", json={"username": "ada", "password": PASSWORD})
    assert response.status_code == 404
    assert client.get("/login").status_code == 404
