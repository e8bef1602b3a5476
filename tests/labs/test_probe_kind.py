"""Probe labs (python, concurrency, fastapi): a right, a wrong and a hostile solution, judged
in the sandbox the way `prep submit` and the web app judge them."""

from __future__ import annotations

from pathlib import Path

import pytest

from prep.content.catalog import Catalog
from prep.content.loader import load_catalog
from prep.judge.service import Judge
from prep.labs.content_check import check_labs, judge_solution
from tests.conftest import TINY_LAB, tiny_files, write_tree


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = write_tree(tmp_path_factory.mktemp("labs"), tiny_files() | TINY_LAB)
    return load_catalog(root).require()


def test_the_reference_is_accepted_and_every_check_is_reported(
    catalog: Catalog, judge: Judge
) -> None:
    lab = catalog.labs["squares"]
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message
    assert [c.name for c in judgement.cases] == ["first_values", "lazy", "is_generator"]
    assert "read-only-python" in judgement.sandbox or "chroot" not in judgement.sandbox


def test_a_wrong_value_shows_expected_and_actual(catalog: Catalog, judge: Judge) -> None:
    lab = catalog.labs["squares"]
    judgement = judge_solution(lab, lab.bad["off_by_one.py"], judge)
    assert judgement.verdict == "wrong_answer"
    failing = judgement.first_failure
    assert failing is not None and failing.name == "first_values"
    assert failing.message == "expected [0, 1, 4, 9, 16], got [1, 4, 9, 16, 25]"


def test_a_failed_assertion_is_the_feedback_and_later_checks_still_run(
    catalog: Catalog, judge: Judge
) -> None:
    lab = catalog.labs["squares"]
    judgement = judge_solution(lab, lab.bad["eager.py"], judge)
    assert judgement.verdict == "wrong_answer"
    by_name = {c.name: c for c in judgement.cases}
    assert by_name["first_values"].verdict == "accepted"
    assert by_name["is_generator"].message == "squares() returned a collection, not an iterator"


@pytest.mark.parametrize(
    ("code", "verdict", "says"),
    [
        pytest.param(
            "import os\ndef squares():\n    os.system('touch /tmp/prep-pwned')\n",
            "runtime_error",
            "tried to start a process",
            id="runs-a-command",
        ),
        pytest.param(
            "import socket\ndef squares():\n    socket.create_connection(('127.0.0.1', 5432))\n",
            "runtime_error",
            "tried to use the network",
            id="opens-a-socket",
        ),
        pytest.param(
            "def squares():\n    return iter(open('/etc/passwd').read())\n",
            "runtime_error",
            "No such file or directory: '/etc/passwd'",
            id="reads-a-host-file",
        ),
        pytest.param(
            "import json\ndef squares():\n    open(json.__file__, 'a').write('# pwned')\n",
            "runtime_error",
            "json/__init__.py",  # refused: read-only mount, and (as root) another uid
            id="writes-into-the-python-install",
        ),
        pytest.param(
            "def squares():\n    while True:\n        pass\n",
            "time_limit",
            "",
            id="never-returns",
        ),
        pytest.param(
            "def squares():\n    return squares()\n",
            "runtime_error",
            "RecursionError",
            id="recurses-forever",
        ),
    ],
)
def test_hostile_solutions_are_contained(
    catalog: Catalog, judge: Judge, code: str, verdict: str, says: str
) -> None:
    judgement = judge_solution(catalog.labs["squares"], code, judge)
    assert judgement.verdict == verdict
    assert says in judgement.message
    assert not Path("/tmp/prep-pwned").exists()


def test_the_content_check_accepts_a_consistent_lab(catalog: Catalog, judge: Judge) -> None:
    diagnostics, judged = check_labs(catalog.labs.values(), catalog.root, judge)
    assert diagnostics == []
    assert judged == 3
