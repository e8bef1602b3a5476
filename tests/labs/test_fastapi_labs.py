"""FastAPI labs, judged through the test client inside the sandbox: for two labs of the real
catalog, a correct app is accepted, a wrong one is rejected with the check's own words, and a
hostile one (a database socket, a host file, a real server) is stopped without harm."""

from __future__ import annotations

import pytest

from prep.content.catalog import Catalog
from prep.judge.service import Judge
from prep.labs.content_check import judge_solution

CRUD = "validated-crud"
AUTH = "oauth2-password-jwt"

#: validated-crud's store, but "connected" to PostgreSQL when the module is imported.
OPENS_A_DATABASE_SOCKET = """\
import socket

from fastapi import FastAPI

connection = socket.create_connection(("127.0.0.1", 5432), timeout=1)
app = FastAPI()
"""

#: oauth2-password-jwt's users, "loaded" from the host's account database.
READS_A_HOST_FILE = """\
from fastapi import FastAPI

with open("/etc/passwd", encoding="utf-8") as accounts:
    USERS = {line.split(":")[0]: line for line in accounts}
app = FastAPI()
"""

#: An app that serves itself instead of waiting for the test client.
STARTS_A_SERVER = """\
import uvicorn
from fastapi import FastAPI

app = FastAPI()
uvicorn.run(app, host="127.0.0.1", port=8765, log_level="critical")
"""


def test_a_correct_crud_app_is_accepted(real_catalog: Catalog, judge: Judge) -> None:
    lab = real_catalog.labs[CRUD]
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message
    assert [c.verdict for c in judgement.cases] == ["accepted"] * len(lab.spec.checks)


def test_patch_that_cannot_clear_a_field_is_rejected_with_the_request_that_shows_it(
    real_catalog: Catalog, judge: Judge
) -> None:
    lab = real_catalog.labs[CRUD]
    judgement = judge_solution(lab, lab.bad["patch_exclude_none.py"], judge)
    assert judgement.verdict == "wrong_answer"
    failed = [c for c in judgement.cases if c.verdict != "accepted"]
    assert [c.name for c in failed] == ["patch_changes_only_sent_fields"]
    assert failed[0].message is not None
    assert failed[0].message.startswith('PATCH {"description": null} returned {')
    assert "an explicit null must clear the description" in failed[0].message


def test_a_crud_app_that_opens_a_database_socket_is_stopped(
    real_catalog: Catalog, judge: Judge
) -> None:
    judgement = judge_solution(real_catalog.labs[CRUD], OPENS_A_DATABASE_SOCKET, judge)
    assert judgement.verdict == "runtime_error"
    assert "tried to use the network" in judgement.message


def test_a_correct_auth_app_is_accepted(real_catalog: Catalog, judge: Judge) -> None:
    lab = real_catalog.labs[AUTH]
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message


def test_an_app_that_skips_signature_checks_is_told_which_forgery_got_in(
    real_catalog: Catalog, judge: Judge
) -> None:
    lab = real_catalog.labs[AUTH]
    judgement = judge_solution(lab, lab.bad["skips_signature.py"], judge)
    assert judgement.verdict == "wrong_answer"
    messages = {c.name: c.message for c in judgement.cases if c.verdict != "accepted"}
    assert messages["forged_tokens_are_401"] == (
        "GET /me with a token signed with another key returned 200; expected 401"
        ' (body: {"username":"alice","full_name":"Alice Liddell"})'
    )
    assert "a token that expired 10 minutes ago returned 200" in str(
        messages["expired_and_incomplete_tokens_are_401"]
    )


@pytest.mark.parametrize(
    ("code", "says"),
    [
        pytest.param(
            READS_A_HOST_FILE, "No such file or directory: '/etc/passwd'", id="reads-etc-passwd"
        ),
        pytest.param(STARTS_A_SERVER, "tried to use the network", id="starts-uvicorn"),
    ],
)
def test_hostile_auth_apps_are_contained(
    real_catalog: Catalog, judge: Judge, code: str, says: str
) -> None:
    judgement = judge_solution(real_catalog.labs[AUTH], code, judge)
    assert judgement.verdict == "runtime_error"
    assert says in judgement.message
    assert "root:" not in judgement.message
