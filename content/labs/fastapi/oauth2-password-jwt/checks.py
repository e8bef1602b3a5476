"""Checks for oauth2-password-jwt: log in through the form, decode the issued token, then call
/me with missing, forged, expired and incomplete tokens. Times come from the real clock, with
margins of minutes, so no check depends on how fast the app runs."""

import base64
import json
import time
import traceback

import jwt
from fastapi.testclient import TestClient

WRONG_KEY = "a-different-secret-of-sufficient-length-9f8e7d6c"


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


def _expect_401(response, what):
    _expect(response, 401, what)
    challenge = response.headers.get("www-authenticate", "")
    assert challenge.split(" ")[0].lower() == "bearer", (
        f"{what} answered 401 without the header WWW-Authenticate: Bearer"
        + (f" (it sent {challenge!r})" if challenge else "")
    )


def _login(client, username, password):
    return _call(client, "POST", "/token", data={"username": username, "password": password})


def _token_for(client, username, password):
    response = _login(client, username, password)
    _expect(response, 200, f"POST /token as {username}/{password}")
    return response.json()["access_token"]


def _me(client, authorization=None):
    headers = {} if authorization is None else {"Authorization": authorization}
    return _call(client, "GET", "/me", headers=headers)


def _b64(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _claims(minutes=10, **changes):
    now = int(time.time())
    claims = {"sub": "alice", "iat": now, "exp": now + minutes * 60}
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def check_verify_password_uses_the_hash(solution):
    alice, bob = solution.USERS["alice"], solution.USERS["bob"]
    attempts = [
        ("wonderland", alice),
        ("builder", bob),
        ("Wonderland", alice),
        ("builder", alice),
        ("", bob),
    ]
    results = []
    for password, user in attempts:
        try:
            results.append(solution.verify_password(password, user))
        except Exception as exc:
            raise AssertionError(
                f"verify_password({password!r}, USERS[{user.username!r}]) raised {_crash(exc)}"
            ) from None
    return results


def check_login_issues_a_signed_token(solution):
    client = TestClient(solution.app)
    response = _login(client, "alice", "wonderland")
    _expect(response, 200, "POST /token with alice's correct password")
    body = response.json()
    assert isinstance(body, dict) and isinstance(body.get("access_token"), str), (
        f"POST /token answered {body}; expected access_token and token_type"
    )
    token = body["access_token"]
    try:
        claims = jwt.decode(
            token, solution.SECRET_KEY, algorithms=["HS256"], options={"require": ["exp", "sub"]}
        )
    except jwt.InvalidTokenError as exc:
        raise AssertionError(
            f"the issued token does not verify with SECRET_KEY and HS256: {exc}"
        ) from None
    left = claims["exp"] - time.time()
    assert 14 * 60 < left <= 15 * 60 + 5, (
        f"the token expires {left:.0f} s from now; expected 15 minutes (900 s)"
    )
    header = jwt.get_unverified_header(token)
    return {
        "keys": sorted(body),
        "token_type": str(body.get("token_type")).lower(),
        "alg": header.get("alg"),
        "sub": claims["sub"],
    }


def check_login_requires_form_data(solution):
    client = TestClient(solution.app)
    as_json = _call(client, "POST", "/token", json={"username": "alice", "password": "wonderland"})
    _expect(as_json, 422, "POST /token with a JSON body instead of form data")
    no_password = _call(client, "POST", "/token", data={"username": "alice"})
    _expect(no_password, 422, "POST /token without a password field")
    return [as_json.status_code, no_password.status_code]


def check_bad_credentials_are_401(solution):
    client = TestClient(solution.app)
    wrong = _login(client, "alice", "Wonderland")
    _expect_401(wrong, "POST /token with alice and a wrong password")
    unknown = _login(client, "mallory", "wonderland")
    _expect_401(unknown, "POST /token with the unknown user mallory")
    assert wrong.json() == unknown.json(), (
        f"a wrong password answers {wrong.json()} but an unknown user answers {unknown.json()}:"
        " the difference tells an attacker which usernames exist"
    )
    swapped = _login(client, "bob", "wonderland")
    _expect_401(swapped, "POST /token with bob and alice's password")
    return [wrong.status_code, unknown.status_code, swapped.status_code]


def check_me_returns_the_token_owner(solution):
    client = TestClient(solution.app)
    users = []
    for username, password in [("alice", "wonderland"), ("bob", "builder")]:
        token = _token_for(client, username, password)
        response = _me(client, f"Bearer {token}")
        _expect(response, 200, f"GET /me with {username}'s token")
        users.append(response.json())
    return users


def check_missing_credentials_are_401(solution):
    client = TestClient(solution.app)
    token = _token_for(client, "alice", "wonderland")
    basic = base64.b64encode(b"alice:wonderland").decode()
    attempts = {
        "no Authorization header": None,
        "Basic credentials": f"Basic {basic}",
        "'Bearer' with no token": "Bearer",
        "the token without the Bearer scheme": token,
    }
    for what, header in attempts.items():
        _expect_401(_me(client, header), f"GET /me with {what}")
    return len(attempts)


def check_forged_tokens_are_401(solution):
    client = TestClient(solution.app)
    token = _token_for(client, "alice", "wonderland")
    header, _, signature = token.split(".")
    as_bob = jwt.decode(token, options={"verify_signature": False}) | {"sub": "bob"}
    forged = {
        "a token signed with another key": jwt.encode(_claims(), WRONG_KEY, algorithm="HS256"),
        'an unsigned token ("alg": "none")': f"{_b64({'alg': 'none', 'typ': 'JWT'})}."
        f"{_b64(_claims())}.",
        "a token signed with HS512 instead of HS256": jwt.encode(
            _claims(), solution.SECRET_KEY, algorithm="HS512"
        ),
        "alice's token with sub changed to bob": f"{header}.{_b64(as_bob)}.{signature}",
        "alice's token without its signature": f"{header}.{token.split('.')[1]}.",
        "a token that is not a JWT": "not-a-jwt",
    }
    for what, forgery in forged.items():
        _expect_401(_me(client, f"Bearer {forgery}"), f"GET /me with {what}")
    return len(forged)


def check_expired_and_incomplete_tokens_are_401(solution):
    client = TestClient(solution.app)
    key = solution.SECRET_KEY
    tokens = {
        "a token that expired 10 minutes ago": jwt.encode(_claims(minutes=-10), key),
        "a token without exp": jwt.encode(_claims(exp=None), key),
        "a token without sub": jwt.encode(_claims(sub=None), key),
        "a token for the unknown user mallory": jwt.encode(_claims(sub="mallory"), key),
    }
    for what, token in tokens.items():
        _expect_401(_me(client, f"Bearer {token}"), f"GET /me with {what}")
    fresh = jwt.encode(_claims(sub="bob"), key)
    accepted = _me(client, f"Bearer {fresh}")
    _expect(accepted, 200, "GET /me with a valid token for bob signed with SECRET_KEY")
    return accepted.json()


def check_current_user_is_a_dependency(solution):
    def test_user():
        return solution.User(username="tester", full_name="Test User")

    solution.app.dependency_overrides[solution.get_current_user] = test_user
    try:
        response = _me(TestClient(solution.app))
    finally:
        solution.app.dependency_overrides.pop(solution.get_current_user, None)
    _expect(
        response,
        200,
        "GET /me with get_current_user overridden (no token needed: the override decides)",
    )
    return response.json()
