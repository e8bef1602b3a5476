"""The web app in a real browser: Debian's Chromium driven by Playwright over the live server.

Keyboard study, the judged-problem page and its editor, the dashboard, and the no-JavaScript
path. Every test leaves a screenshot in test-artifacts/screenshots/<test>.png. Playwright's own
browsers are never downloaded: scripts/setup installs the distribution's chromium package.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import REPO_ROOT
from tests.web.conftest import RIGHT, WRONG

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
JUDGE_TIMEOUT_MS = 30_000  # the first submission also starts the judge's zygotes

# How to answer each auto-graded card of the tiny content (tests/conftest.py) correctly.
TYPED = {"gens/lazy": ["[0, 1] []"], "gens/keyword": ["yield"], "funcs/kw": ["**kwargs", "dict"]}
CHOICES = {"gens/pick": ["1", "3"]}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run scripts/setup (as root it installs Debian's chromium "
            "package), or `apt-get install -y --no-install-recommends chromium`",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _open_page(
    browser: Browser, base_url: str, request: pytest.FixtureRequest, *, javascript: bool
) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, java_script_enabled=javascript)
    page = context.new_page()
    try:
        yield page
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{request.node.name}.png", full_page=True)
        context.close()


@pytest.fixture
def page(browser: Browser, live_server: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser context on the live server; screenshotted when the test ends."""
    yield from _open_page(browser, live_server, request, javascript=True)


@pytest.fixture
def page_without_js(
    browser: Browser, live_server: str, request: pytest.FixtureRequest
) -> Iterator[Page]:
    yield from _open_page(browser, live_server, request, javascript=False)


# --- helpers -----------------------------------------------------------------------------------


def review_by_keyboard(page: Page, rating: str = "3") -> str:
    """Answer the card on the study page with the keyboard alone, rate it, and wait for the
    next study page; returns the card's id. Works for whatever kind of card comes."""
    card = page.locator("#card")
    kind = card.get_attribute("data-kind")
    card_id = page.locator("input[name=card_id]").first.input_value()
    if kind == "recall":
        reveal = page.locator("#reveal")
        expect(reveal).not_to_have_attribute("open", "")
        page.keyboard.press("Space")
        expect(reveal).to_have_attribute("open", "")
    else:
        if kind == "choice":
            for key in CHOICES[card_id]:
                page.keyboard.press(key)
                expect(page.locator(f'input[name=choice][data-key="{key}"]')).to_be_checked()
        else:
            fields = page.locator("#answer-form").locator("input[type=text], textarea")
            expect(fields.first).to_be_focused()  # autofocus: typing can start at once
            for i, text in enumerate(TYPED[card_id]):
                if i:
                    page.keyboard.press("Tab")
                expect(fields.nth(i)).to_be_focused()
                page.keyboard.type(text)
        with page.expect_navigation():
            page.keyboard.press("Control+Enter")
        expect(page.locator("#grade")).to_have_text("✓ Correct")
        expect(page.locator(f'#rating-form button[data-key="{rating}"]')).to_be_visible()
    with page.expect_navigation():
        page.keyboard.press(rating)
    expect(page.locator("#queue")).to_be_visible()
    return card_id


def queue(page: Page) -> str:
    return page.locator("#queue").inner_text()


# --- study -------------------------------------------------------------------------------------


def test_review_recall_card_by_keyboard(page: Page) -> None:
    page.goto("/study?topic=misc")
    expect(page.locator("#card")).to_have_attribute("data-kind", "recall")
    expect(page.locator("#queue")).to_have_text("0 due · 2 new left today")
    # The ratings stay hidden (and their keys inert) until the answer is revealed.
    page.keyboard.press("3")
    expect(page.locator("#queue")).to_have_text("0 due · 2 new left today")
    expect(page.locator("#reveal button[data-key='3']")).to_be_hidden()

    assert review_by_keyboard(page) == "misc/one"

    expect(page.locator("#queue")).to_have_text("0 due · 1 new left today")
    expect(page.locator("input[name=card_id]").first).to_have_value("misc/two")
    page.goto("/")
    expect(page.locator("#reviews-today")).to_have_text("1")


def test_review_every_card_kind_by_keyboard(page: Page) -> None:
    """The gens topic has one card of each kind: output, choice, recall and cloze."""
    page.goto("/study?topic=gens")
    expect(page.locator("#queue")).to_have_text("0 due · 4 new left today")
    kinds = set()
    for left in (3, 2, 1, 0):
        kinds.add(page.locator("#card").get_attribute("data-kind"))
        review_by_keyboard(page)
        expect(page.locator("#queue")).to_have_text(f"0 due · {left} new left today")
    assert kinds == {"output", "choice", "recall", "cloze"}
    page.goto("/")
    expect(page.locator("#reviews-today")).to_have_text("4")


def test_wrong_typed_answer_is_recorded_as_again(page: Page) -> None:
    page.goto("/study?topic=funcs")
    before = queue(page)
    while page.locator("#card").get_attribute("data-kind") != "cloze":
        review_by_keyboard(page)
        before = queue(page)
    page.keyboard.type("*args")
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    expect(page.locator("#grade")).to_contain_text("Not quite")
    expect(page.locator("#rating-form button")).to_have_count(1)
    with page.expect_navigation():
        page.keyboard.press("1")
    expect(page.locator("#queue")).not_to_have_text(before)


def test_dashboard_shows_the_new_review(page: Page) -> None:
    page.goto("/")
    expect(page.locator("#reviews-today")).to_have_text("0")
    page.goto("/study")  # unscoped: drive whatever card comes first
    before = queue(page)
    review_by_keyboard(page)
    expect(page.locator("#queue")).not_to_have_text(before)

    page.goto("/")
    expect(page.locator("#reviews-today")).to_have_text("1")
    heatmap = page.locator("svg.heatmap")
    expect(heatmap).to_be_visible()
    expect(heatmap.locator("rect[data-count='1']")).to_have_count(1)
    expect(heatmap.locator("rect").last).to_have_attribute("data-count", "1")  # today


# --- problems ----------------------------------------------------------------------------------


def test_problem_wrong_then_accepted(page: Page) -> None:
    page.goto("/problems/increment")
    editor = page.locator("#editor")
    expect(editor).to_have_value("def solve(x: int) -> int:\n    raise NotImplementedError\n")

    editor.fill(WRONG)
    with page.expect_navigation(timeout=JUDGE_TIMEOUT_MS):
        page.locator("#submit").click()
    verdict = page.locator("#verdict")
    expect(verdict.locator(".verdict-name")).to_have_text("wrong answer")
    failing = page.locator("#failing-sample")
    expect(failing.locator("h3")).to_have_text("Failing sample: one")
    cells = failing.locator("dd pre")
    expect(failing.locator("dt")).to_have_text(["Input", "Expected", "Actual"])
    expect(cells).to_have_text(['{"x": 1}', "2", "3"])
    expect(editor).to_have_value(WRONG)  # the code stays in the editor

    editor.fill(RIGHT)
    with page.expect_navigation(timeout=JUDGE_TIMEOUT_MS):
        page.locator("#submit").click()
    expect(verdict.locator(".verdict-name")).to_have_text("accepted")
    expect(verdict).to_contain_text("4/4 cases")
    expect(failing).to_have_count(0)
    expect(page.locator("ul.history li")).to_have_count(2)


def test_editor_indents(page: Page) -> None:
    page.goto("/problems/increment")
    editor = page.locator("#editor")
    editor.fill("")

    editor.press("Tab")
    expect(editor).to_have_value("    ")
    expect(editor).to_be_focused()  # Tab indents instead of leaving the editor
    editor.press("Backspace")
    expect(editor).to_have_value("")

    page.keyboard.type("def solve(x: int) -> int:")
    page.keyboard.press("Enter")
    expect(editor).to_have_value("def solve(x: int) -> int:\n    ")
    page.keyboard.type("if x:")
    page.keyboard.press("Enter")
    expect(editor).to_have_value("def solve(x: int) -> int:\n    if x:\n        ")
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("return x + 1")
    page.keyboard.press("Enter")  # keeps the line's indentation
    expect(editor).to_have_value("def solve(x: int) -> int:\n    if x:\n    return x + 1\n    ")
    page.keyboard.press("Backspace")  # removes a whole level
    expect(editor).to_have_value("def solve(x: int) -> int:\n    if x:\n    return x + 1\n")

    editor.fill("def solve(x: int) -> int:")
    editor.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("return x + 1")
    with page.expect_navigation(timeout=JUDGE_TIMEOUT_MS):
        page.keyboard.press("Control+Enter")  # submits
    expect(page.locator("#verdict .verdict-name")).to_have_text("accepted")
    expect(page.locator("#verdict h2")).not_to_contain_text("Samples")


# --- without JavaScript ------------------------------------------------------------------------


def test_study_works_without_javascript(page_without_js: Page) -> None:
    page = page_without_js
    page.goto("/study?topic=misc")
    expect(page.locator("#queue")).to_have_text("0 due · 2 new left today")
    good = page.get_by_role("button", name="Good")
    expect(good).to_be_hidden()
    page.locator("#reveal summary").click()
    expect(page.locator("#reveal .answer")).to_have_text("One.")
    with page.expect_navigation():
        good.click()
    expect(page.locator("#queue")).to_have_text("0 due · 1 new left today")
    page.goto("/")
    expect(page.locator("#reviews-today")).to_have_text("1")
    expect(page.locator("svg.heatmap rect[data-count='1']")).to_have_count(1)


def test_drill_a_likely_question_by_keyboard(page: Page) -> None:
    page.goto("/drill")
    expect(page.locator("#question")).to_contain_text("What are generators?")
    page.locator("textarea[name=answer]").fill("Lazy, single-pass iterators.")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#grade-form")).to_be_visible()
    page.locator("body").click()  # leave the page's focus outside any field
    for key in ("1", "2"):
        page.keyboard.press(key)
    expect(page.locator("input[name=point]:checked")).to_have_count(2)
    page.locator("#grade-form button[type=submit]").click()
    expect(page.locator("#done")).to_be_visible()


def test_story_bank_and_plan_pages(page: Page) -> None:
    page.goto("/stories")
    page.locator("input[name=title]").fill("Cut deploy time")
    for part in ("situation", "task", "action", "result"):
        page.locator(f"textarea[name={part}]").fill(f"The {part} in a few words.")
    page.locator("input[name=competencies][value=delivery]").check()
    page.locator("form.story-form button[type=submit]").click()
    expect(page.locator("section.story h2")).to_contain_text("Cut deploy time")
    expect(page.locator("section.story ul.check")).to_contain_text("thin")
    page.goto("/plan")
    from datetime import date, timedelta

    page.locator("input[name=interview_date]").fill((date.today() + timedelta(days=14)).isoformat())
    page.locator("input[name=minutes]").fill("30")
    page.locator("form.filters button[type=submit]").click()
    expect(page.locator("#plan-overall")).to_be_visible()
    expect(page.locator("table.plan-days tbody tr").first).to_be_visible()


def test_design_practice_page(page: Page) -> None:
    page.goto("/design/dp-counter")
    page.locator("textarea[name=requirements]").fill("10 million pages and 1,000 views a second.")
    page.locator("#design-form button[type=submit]").click()
    expect(page.locator("#problems")).to_contain_text("API is missing")
    page.locator("#model summary").click()
    expect(page.locator("#model article")).to_contain_text("Estimates")
    page.locator("#calculator button[type=submit]").click()
    expect(page.locator("#estimate")).to_contain_text("average QPS")


def test_mock_interview_with_its_timer(page: Page) -> None:
    page.goto("/mock")
    page.locator("#mock-form button[type=submit]").click()
    timer = page.locator("#timer")
    # The 4-minute concept box, counting down (any second of the first ten will do).
    expect(timer).to_have_text(re.compile(r"^3:5\d$"), timeout=10_000)
    page.locator("#reveal summary").click()
    page.locator("input[name=covered]").first.check()
    page.locator("#part-form button[type=submit]").click()
    expect(page.locator("#problem-link")).to_be_visible()
    page.locator("#part-form button[type=submit]").click()
    page.locator("textarea[name=requirements]").fill("10 million pages, 1,000 views a second")
    page.locator("#part-form button[type=submit]").click()
    page.locator("#finish-form button[type=submit]").click()
    expect(page.locator("#mock-score")).to_contain_text("%")
    expect(page.locator("#weak-topics")).to_be_visible()
