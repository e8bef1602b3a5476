"""Concurrency labs, judged in the sandbox: for a threading lab and an asyncio lab of the real
catalog, a correct solution is accepted, a wrong one is rejected with the check's own words
(deterministically: the checks force the interleaving instead of hoping for it), and a hostile
one (a fork, a subprocess, threads without end) is stopped without harm."""

from __future__ import annotations

import re

import pytest

from prep.content.catalog import Catalog
from prep.judge.service import Judge
from prep.labs.content_check import judge_solution

COUNTER = "thread-safe-counter"
CRAWLER = "bounded-async-crawler"

#: A counter that "scales" by forking a process per increment.
FORKS = """\
import os


class Counter:
    def __init__(self, yield_point=lambda: None):
        self._value = 0

    def increment(self, amount=1):
        if os.fork() == 0:
            os._exit(0)
        self._value += amount
        return self._value

    @property
    def value(self):
        return self._value

    def reset(self):
        previous, self._value = self._value, 0
        return previous
"""

#: A counter whose constructor starts sleeping threads until something gives.
THREADS_WITHOUT_END = """\
import threading
import time


class Counter:
    def __init__(self, yield_point=lambda: None):
        self._value = 0
        while True:
            threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()
"""

#: A crawler that shells out to curl instead of using the fetch it was given.
RUNS_CURL = """\
import asyncio
from dataclasses import dataclass, field


@dataclass
class CrawlResult:
    links: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)


async def crawl(start, fetch, *, max_concurrency):
    process = await asyncio.create_subprocess_exec("curl", "-s", "https://example.com" + start)
    await process.wait()
    return CrawlResult()
"""


def test_a_correct_counter_is_accepted_under_stress(real_catalog: Catalog, judge: Judge) -> None:
    lab = real_catalog.labs[COUNTER]
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message
    assert [c.verdict for c in judgement.cases] == ["accepted"] * len(lab.spec.checks)


def test_a_counter_trusting_the_gil_is_told_how_many_updates_it_lost(
    real_catalog: Catalog, judge: Judge
) -> None:
    lab = real_catalog.labs[COUNTER]
    judgement = judge_solution(lab, lab.bad["no_lock.py"], judge)
    assert judgement.verdict == "wrong_answer"
    failure = judgement.first_failure
    assert failure is not None and failure.name == "no_lost_increments"
    assert re.fullmatch(
        r"8 threads x 250 increments left the counter at [\d,]+, not 2,000: [\d,]+ updates were "
        r"lost because two increments were between their read and their write at the same time",
        str(failure.message),
    )
    by_name = {c.name: c for c in judgement.cases}
    assert by_name["counts_and_resets"].verdict == "accepted"
    assert "an increment landed between a reset's read and its write" in str(
        by_name["reset_is_atomic"].message
    )


@pytest.mark.parametrize(
    ("code", "verdicts", "says"),
    [
        pytest.param(FORKS, {"runtime_error"}, "tried to start a process", id="forks"),
        pytest.param(
            THREADS_WITHOUT_END,
            {"runtime_error", "time_limit"},
            "",
            id="threads-without-end",
        ),
    ],
)
def test_hostile_counters_are_stopped(
    real_catalog: Catalog, judge: Judge, code: str, verdicts: set[str], says: str
) -> None:
    judgement = judge_solution(real_catalog.labs[COUNTER], code, judge)
    assert judgement.verdict in verdicts, judgement.message
    assert says in judgement.message


def test_a_correct_crawler_is_accepted(real_catalog: Catalog, judge: Judge) -> None:
    lab = real_catalog.labs[CRAWLER]
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message


def test_a_crawler_with_a_semaphore_per_page_is_told_how_many_fetches_ran_at_once(
    real_catalog: Catalog, judge: Judge
) -> None:
    lab = real_catalog.labs[CRAWLER]
    judgement = judge_solution(lab, lab.bad["semaphore_per_call.py"], judge)
    assert judgement.verdict == "wrong_answer"
    failed = {c.name: c.message for c in judgement.cases if c.verdict != "accepted"}
    assert sorted(failed) == ["limit_of_one", "respects_the_limit"]
    assert re.fullmatch(
        r"max_concurrency=4, but \d+ fetches were in flight at once; the limit must hold across "
        r"the whole crawl, not per page or per level",
        str(failed["respects_the_limit"]),
    )


def test_a_crawler_that_runs_a_subprocess_is_stopped(real_catalog: Catalog, judge: Judge) -> None:
    judgement = judge_solution(real_catalog.labs[CRAWLER], RUNS_CURL, judge)
    assert judgement.verdict == "runtime_error"
    assert "tried to start a process" in judgement.message
