"""Server-rendered pages. Every page works without JavaScript; app.js only adds keyboard
shortcuts and an editor that handles Tab and indentation."""

from __future__ import annotations

import functools
import hmac
import secrets
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from prep.content.catalog import Card, Catalog, Problem
from prep.content.diagnostics import first_problem
from prep.judge.history import problem_statuses, record_submission, submission_detail
from prep.judge.history import submission_page as submissions_of
from prep.judge.service import MAX_CODE_BYTES
from prep.study.answers import Answer, grade_answer, is_auto_graded, resolve_rating
from prep.study.grading import AnswerFormatError
from prep.study.progress import review_stats
from prep.study.readiness import readiness
from prep.study.session import Scope, ScopeError
from prep.study.settings import SettingsError, load_settings, parse_setting, save_settings
from prep.web.accounts import (
    AccountError,
    authenticate,
    close_session,
    create_account,
    open_session,
    username_of,
)
from prep.web.api import card_out, judgement_out, login_keys
from prep.web.charts import bar_chart, heatmap
from prep.web.problems import TITLES, ApiError
from prep.web.services import SESSION_COOKIE, AppServices, Viewer, optional_viewer, services

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
HEATMAP_DAYS = 182
FORECAST_DAYS = 30


# --- rendering helpers -------------------------------------------------------------------------


def _highlight(code: str, lang: str, _attrs: str) -> str:
    try:
        lexer = get_lexer_by_name((lang or "text").split()[0])
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    return str(highlight(code, lexer, HtmlFormatter(nowrap=False, cssclass="code")))


_markdown = MarkdownIt("commonmark", {"html": False, "highlight": _highlight}).enable("table")


@functools.lru_cache(maxsize=512)
def markdown(text: str) -> str:
    """Content Markdown as HTML; raw HTML in content is escaped, code is highlighted."""
    return str(_markdown.render(text))


def code_block(code: str, lang: str | None) -> str:
    return _highlight(code, lang or "text", "")


templates.env.filters["markdown"] = markdown
templates.env.globals["code_block"] = code_block
templates.env.filters["percent"] = lambda x: "—" if x is None else f"{round(x * 100)}%"


def _render(
    request: Request,
    name: str,
    viewer: Viewer | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    svc = services(request)
    username = None
    if viewer is not None and svc.config.hosted:
        username = username_of(svc.db, viewer.user_id)
    return templates.TemplateResponse(
        request,
        name,
        {
            "viewer": viewer,
            "csrf": viewer.csrf_token if viewer else "",
            "hosted": svc.config.hosted,
            "username": username,
            **context,
        },
        status_code=status_code,
    )


def error_page(
    request: Request, status: int, detail: str, headers: dict[str, str] | None = None
) -> Response:
    svc = services(request)
    if status == 401 and svc.config.hosted:
        target = "/login?" + urlencode({"next": request.url.path})
        return RedirectResponse(target, status_code=303)
    try:
        viewer = optional_viewer(request)
    except ApiError:
        viewer = None
    response = _render(
        request, "error.html", viewer, status, title=TITLES.get(status, "Error"), detail=detail
    )
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _viewer(request: Request) -> Viewer:
    viewer = optional_viewer(request)
    if viewer is None:
        raise ApiError(401, "log in to continue")
    return viewer


async def _form(request: Request, viewer: Viewer) -> dict[str, str]:
    """The submitted form, once its CSRF token proves it came from one of our pages."""
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    if not hmac.compare_digest(values.get("csrf_token", ""), viewer.csrf_token):
        raise ApiError(403, "this form has expired (or came from another site); reload the page")
    return values


async def _multi(request: Request, *names: str) -> dict[str, list[str]]:
    form = await request.form()
    return {n: [v for v in form.getlist(n) if isinstance(v, str)] for n in names}


def _now() -> datetime:
    return datetime.now(UTC)


# --- dashboard and curriculum ------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    now = _now()
    ready = readiness(svc.catalog, svc.db, viewer.user_id, now)
    stats = review_stats(
        svc.catalog, svc.db, viewer.user_id, now, days=HEATMAP_DAYS, forecast_days=FORECAST_DAYS
    )
    counts = svc.study(viewer.user_id).counts(Scope(), now)
    settings = load_settings(svc.db, viewer.user_id)
    days_left = (settings.interview_date - now.date()).days if settings.interview_date else None
    return _render(
        request,
        "dashboard.html",
        viewer,
        ready=ready,
        stats=stats,
        counts=counts,
        reviews_today=stats.per_day[-1].reviews,
        heatmap=heatmap([(d.day, d.reviews) for d in stats.per_day]),
        forecast=bar_chart(list(stats.forecast)),
        days_left=days_left,
        settings=settings,
    )


@router.get("/readiness/{section_id}", response_class=HTMLResponse)
def readiness_page(section_id: str, request: Request) -> Response:
    """Where a section's readiness comes from, number by number."""
    from prep.interview.mock import MockInterviews
    from prep.study.readiness import RECENT_MOCKS, WEIGHTS

    viewer = _viewer(request)
    svc = services(request)
    ready = readiness(svc.catalog, svc.db, viewer.user_id, _now())
    section = next((s for s in ready.sections if s.section_id == section_id), None)
    if section is None:
        raise ApiError(404, f"there is no section {section_id!r}")
    topics = [(t, ready.topics[t.id]) for t in svc.catalog.topics_in(section_id)]
    statuses = problem_statuses(svc.db, viewer.user_id)
    topic_ids = {t.id for t, _ in topics}
    problems = [
        (p, statuses.get(p.slug, "new"))
        for p in svc.catalog.problems.values()
        if topic_ids & set(p.spec.topics)
    ]
    finished = [
        m
        for m in MockInterviews(svc.catalog, svc.db, viewer.user_id).history()
        if m.score is not None
    ][:RECENT_MOCKS]
    mock_parts = [
        (m, part, m.results.get(i))
        for m in finished
        for i, part in enumerate(m.parts)
        if topic_ids & set(part.topics)
    ]
    return _render(
        request,
        "readiness.html",
        viewer,
        section=section,
        topics=topics,
        problems=problems,
        mock_parts=mock_parts,
        weights=WEIGHTS,
    )


@router.get("/topics", response_class=HTMLResponse)
def curriculum(request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    ready = readiness(svc.catalog, svc.db, viewer.user_id, _now())
    sections = [
        (s, [(t, ready.topics[t.id]) for t in svc.catalog.topics_in(s.section_id)])
        for s in ready.sections
    ]
    return _render(request, "topics.html", viewer, sections=sections, lessons=svc.catalog.lessons)


@router.get("/topics/{topic_id}", response_class=HTMLResponse)
def topic_page(topic_id: str, request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    topic = svc.catalog.topics.get(topic_id)
    if topic is None:
        raise ApiError(404, f"there is no topic {topic_id!r}")
    from prep.study.progress import topic_progress

    progress = topic_progress(svc.catalog, svc.db, viewer.user_id, _now())[topic_id]
    return _render(
        request,
        "topic.html",
        viewer,
        topic=topic,
        section=svc.catalog.section(topic.section_id),
        lesson=svc.catalog.lessons.get(topic_id),
        progress=progress,
        problems=svc.catalog.problems_for(topic_id),
        reading=svc.catalog.reading_for(topic_id),
    )


# --- study -------------------------------------------------------------------------------------


def _scope(svc: AppServices, section: str | None, topic: str | None) -> Scope:
    try:
        return Scope(section or None, topic or None).validate(svc.catalog)
    except ScopeError as exc:
        raise ApiError(404, str(exc)) from None


def _scope_query(scope: Scope) -> str:
    params = {k: v for k, v in (("section", scope.section), ("topic", scope.topic)) if v}
    return "?" + urlencode(params) if params else ""


@router.get("/study", response_class=HTMLResponse)
def study_page(request: Request, section: str | None = None, topic: str | None = None) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    scope = _scope(svc, section, topic)
    study = svc.study(viewer.user_id)
    now = _now()
    upcoming, counts = study.queue(scope, now)  # one read for the card and the counts
    return _render(
        request,
        "study.html",
        viewer,
        scope=scope,
        scope_query=_scope_query(scope),
        upcoming=upcoming,
        shown=card_out(upcoming.card) if upcoming else None,
        card=upcoming.card if upcoming else None,
        topic=svc.catalog.topics[upcoming.card.topic_id] if upcoming else None,
        counts=counts,
        sections=svc.catalog.sections,
        started=now.isoformat(),
    )


def _answer_from_form(card: Card, form: dict[str, str], multi: list[str]) -> Answer:
    kind = card.kind
    if kind == "choice":
        try:
            return Answer(choices=tuple(int(c) for c in multi))
        except ValueError:
            raise AnswerFormatError("choices must be option numbers") from None
    if kind == "cloze":
        blanks = []
        i = 1
        while f"blank{i}" in form:
            blanks.append(form[f"blank{i}"])
            i += 1
        return Answer(blanks=tuple(blanks))
    return Answer(text=form.get("text", ""))


@router.post("/study/check", response_class=HTMLResponse)
async def study_check(request: Request) -> Response:
    """Grade a typed answer and show the verdict with the rating buttons; nothing is recorded
    until a rating is chosen."""
    viewer = _viewer(request)
    svc = services(request)
    form = await _form(request, viewer)
    multi = (await _multi(request, "choice"))["choice"]
    card = svc.catalog.cards.get(form.get("card_id", ""))
    if card is None or not is_auto_graded(card):
        raise ApiError(404, "that card does not exist (the content may have changed)")
    scope = _scope(svc, form.get("section"), form.get("topic"))
    answer = _answer_from_form(card, form, multi)
    try:
        grade = grade_answer(svc.catalog, card, answer)
    except AnswerFormatError as exc:
        return _render(
            request,
            "study.html",
            viewer,
            422,
            scope=scope,
            scope_query=_scope_query(scope),
            upcoming=None,
            shown=card_out(card),
            card=card,
            topic=svc.catalog.topics[card.topic_id],
            counts=svc.study(viewer.user_id).counts(scope, _now()),
            sections=svc.catalog.sections,
            answer_error=str(exc),
        )
    return _render(
        request,
        "graded.html",
        viewer,
        scope=scope,
        card=card,
        shown=card_out(card),
        topic=svc.catalog.topics[card.topic_id],
        grade=grade,
        answer=answer,
        started=form.get("started", ""),
    )


@router.post("/study/review")
async def study_review(request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    form = await _form(request, viewer)
    multi = (await _multi(request, "choice"))["choice"]
    card = svc.catalog.cards.get(form.get("card_id", ""))
    if card is None:
        raise ApiError(404, "that card does not exist (the content may have changed)")
    scope = _scope(svc, form.get("section"), form.get("topic"))
    try:
        requested = int(form["rating"]) if form.get("rating") else None
        answer = _answer_from_form(card, form, multi) if is_auto_graded(card) else None
        grade = grade_answer(svc.catalog, card, answer) if answer is not None else None
        rating = resolve_rating(card, grade, requested)
    except (AnswerFormatError, ValueError) as exc:
        raise ApiError(422, f"the review was not recorded: {exc}") from None
    duration = _duration_ms(form.get("started"))
    svc.study(viewer.user_id).record(
        card.id,
        rating,
        _now(),
        answer=answer.as_log_text() if answer else None,
        correct=grade.correct if grade else None,
        duration_ms=duration,
    )
    return RedirectResponse("/study" + _scope_query(scope), status_code=303)


def _duration_ms(started: str | None) -> int | None:
    """Time since the card was shown, from the page's own timestamp; capped at 10 minutes."""
    try:
        shown = datetime.fromisoformat(started) if started else None
    except ValueError:
        return None
    if shown is None or shown.tzinfo is None:
        return None
    elapsed = (_now() - shown).total_seconds() * 1000
    return int(elapsed) if 0 <= elapsed <= 600_000 else None


# --- problems ----------------------------------------------------------------------------------


@router.get("/problems", response_class=HTMLResponse)
def problems_page(
    request: Request,
    topic: str | None = None,
    difficulty: str | None = None,
    status: str | None = None,
) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    statuses = problem_statuses(svc.db, viewer.user_id)
    rows = [
        (p, statuses.get(p.slug, "new"))
        for p in svc.catalog.problems.values()
        if (not topic or topic in p.spec.topics)
        and (not difficulty or p.spec.difficulty == difficulty)
        and (not status or statuses.get(p.slug, "new") == status)
    ]
    used_topics = sorted({t for p in svc.catalog.problems.values() for t in p.spec.topics})
    return _render(
        request,
        "problems.html",
        viewer,
        rows=rows,
        topics=[svc.catalog.topics[t] for t in used_topics if t in svc.catalog.topics],
        chosen={"topic": topic or "", "difficulty": difficulty or "", "status": status or ""},
        solved=sum(1 for s in statuses.values() if s == "solved"),
        total=len(svc.catalog.problems),
    )


def code_problem(text: str, what: str) -> str | None:
    """Why a posted editor's text cannot be judged (empty, too large), or None."""
    if not text.strip():
        return f"the {what} is empty"
    if len(text.encode("utf-8")) > MAX_CODE_BYTES:
        return f"the {what} is larger than {MAX_CODE_BYTES // 1024} KiB"
    return None


def _problem(catalog: Catalog, slug: str) -> Problem:
    problem = catalog.problems.get(slug)
    if problem is None:
        raise ApiError(404, f"there is no problem {slug!r}")
    return problem


def _problem_page(
    request: Request,
    viewer: Viewer,
    problem: Problem,
    code: str,
    *,
    verdict: Any = None,
    mode: str | None = None,
    submission_id: int | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    svc = services(request)
    history = submissions_of(svc.db, viewer.user_id, problem=problem.slug, before_id=None, limit=5)
    return _render(
        request,
        "problem.html",
        viewer,
        status_code,
        problem=problem,
        code=code,
        verdict=verdict,
        mode=mode,
        submission_id=submission_id,
        history=history,
        error=error,
        topics=[svc.catalog.topics[t] for t in problem.spec.topics if t in svc.catalog.topics],
    )


@router.get("/problems/{slug}", response_class=HTMLResponse)
def problem_page(slug: str, request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    problem = _problem(svc.catalog, slug)
    latest = submissions_of(svc.db, viewer.user_id, problem=slug, before_id=None, limit=1)
    code = problem.starter
    if latest:
        found = submission_detail(svc.db, viewer.user_id, latest[0].id)
        if found is not None:
            code = found[1]
    return _problem_page(request, viewer, problem, code)


@router.post("/problems/{slug}", response_class=HTMLResponse)
async def problem_action(slug: str, request: Request) -> Response:
    """Run the samples or submit, then show the page again with the verdict."""
    viewer = _viewer(request)
    svc = services(request)
    problem = _problem(svc.catalog, slug)
    form = await _form(request, viewer)
    code = form.get("code", "").replace("\r\n", "\n")
    action = form.get("action", "run")
    if (error := code_problem(code, "code")) is not None:
        return _problem_page(request, viewer, problem, code, error=error, status_code=422)
    async with svc.judge_slots:
        if action == "submit":
            judgement = await run_in_threadpool(svc.judge.submit, problem, code)
        else:
            judgement = await run_in_threadpool(svc.judge.run_samples, problem, code)
    submission_id = None
    if action == "submit":
        submission_id = record_submission(svc.db, viewer.user_id, slug, code, judgement)
    return _problem_page(
        request,
        viewer,
        problem,
        code,
        verdict=judgement_out(judgement),
        mode="submit" if action == "submit" else "run",
        submission_id=submission_id,
    )


@router.get("/problems/{slug}/submissions", response_class=HTMLResponse)
def problem_submissions(slug: str, request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    problem = _problem(svc.catalog, slug)
    rows = submissions_of(svc.db, viewer.user_id, problem=slug, before_id=None, limit=500)
    return _render(request, "submissions.html", viewer, problem=problem, rows=rows)


@router.get("/submissions/{submission_id}", response_class=HTMLResponse)
def submission_page(submission_id: int, request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    found = submission_detail(svc.db, viewer.user_id, submission_id)
    if found is None:
        raise ApiError(404, f"there is no submission {submission_id}")
    stored, code, result = found
    from prep.web.api import JudgementOut

    problem = svc.catalog.problems.get(stored.problem)
    return _render(
        request,
        "submission.html",
        viewer,
        stored=stored,
        code=code,
        verdict=JudgementOut.model_validate(result),
        problem=problem,
    )


# --- likely questions and the drill -----------------------------------------------------------


@router.get("/drill", response_class=HTMLResponse)
def drill_page(request: Request) -> Response:
    from prep.study.drill import DrillService

    viewer = _viewer(request)
    svc = services(request)
    upcoming = DrillService(svc.catalog, svc.db, viewer.user_id).next_question(_now())
    return _render(
        request, "drill.html", viewer, upcoming=upcoming, started=_now().isoformat(), step="ask"
    )


@router.post("/drill/reveal", response_class=HTMLResponse)
async def drill_reveal(request: Request) -> Response:
    """Show the model answer and its key points to tick; nothing is recorded yet."""
    viewer = _viewer(request)
    svc = services(request)
    form = await _form(request, viewer)
    question_id = form.get("question_id", "")
    model = svc.catalog.answers.get(question_id)
    question = next((q for q in svc.catalog.questions if q.id == question_id), None)
    if model is None or question is None:
        raise ApiError(404, "that question does not exist (the content may have changed)")
    return _render(
        request,
        "drill.html",
        viewer,
        step="tick",
        question=question,
        model=model,
        answer=form.get("answer", ""),
        started=form.get("started", ""),
    )


@router.post("/drill/grade")
async def drill_grade(request: Request) -> Response:
    from prep.study.drill import DrillError, DrillService

    viewer = _viewer(request)
    svc = services(request)
    form = await _form(request, viewer)
    ticked = (await _multi(request, "point"))["point"]
    try:
        covered = {int(v) for v in ticked}
        DrillService(svc.catalog, svc.db, viewer.user_id).record(
            form.get("question_id", ""),
            covered,
            _now(),
            answer=form.get("answer") or None,
            duration_ms=_duration_ms(form.get("started")),
        )
    except (DrillError, ValueError) as exc:
        raise ApiError(422, f"the answer was not recorded: {exc}") from None
    return RedirectResponse("/drill", status_code=303)


@router.get("/questions/{question_id}", response_class=HTMLResponse)
def question_page(question_id: str, request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    model = svc.catalog.answers.get(question_id)
    question = next((q for q in svc.catalog.questions if q.id == question_id), None)
    if model is None or question is None:
        raise ApiError(404, f"there is no question {question_id!r}")
    return _render(request, "question.html", viewer, question=question, model=model)


# --- behavioral story bank ---------------------------------------------------------------------


def _story_form(form: dict[str, str], multi: dict[str, list[str]]) -> Any:
    from prep.interview.stories import StoryInput

    return StoryInput.model_validate(
        {
            "title": form.get("title", ""),
            "situation": form.get("situation", ""),
            "task": form.get("task", ""),
            "action": form.get("action", ""),
            "result": form.get("result", ""),
            "questions": multi.get("questions", []),
            "competencies": multi.get("competencies", []),
        }
    )


def _stories_page(
    request: Request, viewer: Viewer, status_code: int = 200, **context: Any
) -> HTMLResponse:
    from prep.interview.stories import COMPETENCIES, StoryBank

    svc = services(request)
    bank = StoryBank(svc.catalog, svc.db, viewer.user_id)
    questions = [q for q in svc.catalog.questions if q.kind == "behavioral"]
    return _render(
        request,
        "stories.html",
        viewer,
        status_code,
        stories=bank.all(),
        questions=questions,
        competencies=COMPETENCIES,
        **context,
    )


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, edit: int | None = None) -> Response:
    from prep.interview.stories import StoryBank, StoryError

    viewer = _viewer(request)
    svc = services(request)
    editing = None
    if edit is not None:
        try:
            editing = StoryBank(svc.catalog, svc.db, viewer.user_id).get(edit)
        except StoryError as exc:
            raise ApiError(404, str(exc)) from None
    return _stories_page(request, viewer, editing=editing)


@router.post("/stories", response_class=HTMLResponse)
async def stories_save(request: Request) -> Response:
    from pydantic import ValidationError

    from prep.interview.stories import StoryBank, StoryError

    viewer = _viewer(request)
    svc = services(request)
    form = await _form(request, viewer)
    multi = await _multi(request, "questions", "competencies")
    bank = StoryBank(svc.catalog, svc.db, viewer.user_id)
    try:
        story = _story_form(form, multi)
        story_id = int(form["story_id"]) if form.get("story_id") else None
        saved = bank.update(story_id, story) if story_id else bank.add(story)
    except ValidationError as exc:
        return _stories_page(request, viewer, 422, error=first_problem(exc), draft=form)
    except (StoryError, ValueError) as exc:
        return _stories_page(request, viewer, 422, error=str(exc), draft=form)
    return RedirectResponse(f"/stories#story-{saved.id}", status_code=303)


@router.post("/stories/{story_id}/delete")
async def stories_delete(story_id: int, request: Request) -> Response:
    from prep.interview.stories import StoryBank, StoryError

    viewer = _viewer(request)
    svc = services(request)
    await _form(request, viewer)
    try:
        StoryBank(svc.catalog, svc.db, viewer.user_id).delete(story_id)
    except StoryError as exc:
        raise ApiError(404, str(exc)) from None
    return RedirectResponse("/stories", status_code=303)


@router.get("/stories/practice", response_class=HTMLResponse)
def stories_practice(request: Request, question: str | None = None) -> Response:
    from prep.interview.stories import StoryBank, StoryError

    viewer = _viewer(request)
    svc = services(request)
    bank = StoryBank(svc.catalog, svc.db, viewer.user_id)
    try:
        chosen = bank.practice_question(question or None)
    except StoryError as exc:
        raise ApiError(404, str(exc)) from None
    asked = next(q for q in svc.catalog.questions if q.id == chosen)
    return _render(request, "practice.html", viewer, question=asked, story=bank.best_for(chosen))


# --- system-design practice --------------------------------------------------------------------


@router.get("/design", response_class=HTMLResponse)
def design_list(request: Request) -> Response:
    from prep.interview.design import DesignPractice

    viewer = _viewer(request)
    svc = services(request)
    statuses = DesignPractice(svc.catalog, svc.db, viewer.user_id).statuses()
    return _render(
        request,
        "designs.html",
        viewer,
        prompts=list(svc.catalog.designs.values()),
        statuses=statuses,
    )


def _design_page(
    request: Request, viewer: Viewer, prompt_id: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    from prep.interview.design import SECTIONS, DesignError, DesignPractice
    from prep.web.api import model_design_markdown

    svc = services(request)
    practice = DesignPractice(svc.catalog, svc.db, viewer.user_id)
    try:
        prompt = practice.prompt(prompt_id)
    except DesignError as exc:
        raise ApiError(404, str(exc)) from None
    latest = practice.latest(prompt_id)
    return _render(
        request,
        "design.html",
        viewer,
        status_code,
        prompt=prompt,
        latest=latest,
        sections=SECTIONS,
        model=model_design_markdown(svc, prompt) if latest else None,
        revisions=len(practice.revisions(prompt_id)),
        **context,
    )


@router.get("/design/{prompt_id}", response_class=HTMLResponse)
def design_page(prompt_id: str, request: Request) -> Response:
    from pydantic import ValidationError

    from prep.interview.design import CapacityInput, capacity

    viewer = _viewer(request)
    estimate, calc_error = None, None
    params = dict(request.query_params)
    if "daily_active_users" in params:
        try:
            estimate = capacity(CapacityInput.model_validate(params))
        except ValidationError as exc:
            calc_error = first_problem(exc)
    return _design_page(
        request, viewer, prompt_id, estimate=estimate, calc_error=calc_error, calc=params
    )


@router.post("/design/{prompt_id}", response_class=HTMLResponse)
async def design_save(prompt_id: str, request: Request) -> Response:
    from pydantic import ValidationError

    from prep.interview.design import SECTION_KEYS, DesignDraft, DesignError, DesignPractice

    viewer = _viewer(request)
    svc = services(request)
    form = await _form(request, viewer)
    try:
        draft = DesignDraft.model_validate({k: form.get(k, "") for k in SECTION_KEYS})
        DesignPractice(svc.catalog, svc.db, viewer.user_id).save(prompt_id, draft)
    except ValidationError as exc:
        return _design_page(request, viewer, prompt_id, 422, error=first_problem(exc))
    except DesignError as exc:
        raise ApiError(404, str(exc)) from None
    return RedirectResponse(f"/design/{prompt_id}#checks", status_code=303)


@router.post("/design/{prompt_id}/score", response_class=HTMLResponse)
async def design_score(prompt_id: str, request: Request) -> Response:
    from prep.interview.design import DesignError, DesignPractice

    viewer = _viewer(request)
    svc = services(request)
    form = await _form(request, viewer)
    practice = DesignPractice(svc.catalog, svc.db, viewer.user_id)
    try:
        prompt = practice.prompt(prompt_id)
        points = [int(form.get(f"score{i}", "0") or 0) for i in range(len(prompt.meta.rubric))]
        practice.score(prompt_id, points)
    except (DesignError, ValueError) as exc:
        return _design_page(request, viewer, prompt_id, 422, score_error=str(exc))
    return RedirectResponse(f"/design/{prompt_id}#rubric", status_code=303)


# --- mock interviews ----------------------------------------------------------------------------


def _mocks(request: Request, viewer: Viewer) -> Any:
    from prep.interview.mock import MockInterviews

    svc = services(request)
    return MockInterviews(svc.catalog, svc.db, viewer.user_id)


@router.get("/mock", response_class=HTMLResponse)
def mock_home(request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    return _render(
        request,
        "mock_home.html",
        viewer,
        history=_mocks(request, viewer).history(),
        sections=svc.catalog.sections,
    )


@router.post("/mock")
async def mock_start(request: Request) -> Response:
    from prep.interview.mock import MockError

    viewer = _viewer(request)
    form = await _form(request, viewer)
    try:
        minutes = int(form.get("minutes", "45"))
        state = _mocks(request, viewer).start(minutes, form.get("focus") or None, _now())
    except (MockError, ValueError) as exc:
        raise ApiError(422, f"the mock was not started: {exc}") from None
    return RedirectResponse(f"/mock/{state.id}", status_code=303)


def _mock_state(request: Request, viewer: Viewer, mock_id: int) -> Any:
    from prep.interview.mock import MockError

    try:
        return _mocks(request, viewer).get(mock_id)
    except MockError as exc:
        raise ApiError(404, str(exc)) from None


@router.get("/mock/{mock_id}", response_class=HTMLResponse)
def mock_page(mock_id: int, request: Request) -> Response:
    from prep.interview.design import SECTIONS
    from prep.interview.mock import STAR

    viewer = _viewer(request)
    svc = services(request)
    state = _mock_state(request, viewer, mock_id)
    index = state.next_part
    if state.finished_at is not None or index is None:
        return RedirectResponse(f"/mock/{mock_id}/report", status_code=303)
    part = state.parts[index]
    return _render(
        request,
        "mock.html",
        viewer,
        mock=state,
        index=index,
        part=part,
        model=svc.catalog.answers.get(part.ref) if part.kind == "concept" else None,
        sections=SECTIONS,
        star=STAR,
    )


@router.post("/mock/{mock_id}/part/{index}")
async def mock_answer(mock_id: int, index: int, request: Request) -> Response:
    from prep.interview.design import SECTION_KEYS
    from prep.interview.mock import MockError

    viewer = _viewer(request)
    form = await _form(request, viewer)
    multi = await _multi(request, "covered")
    given: dict[str, Any] = {}
    try:
        if multi["covered"] or form.get("kind") in {"concept", "behavioral"}:
            given["covered"] = [int(v) for v in multi["covered"]]
        if form.get("kind") == "design":
            given["sections"] = {k: form.get(k, "") for k in SECTION_KEYS}
        if form.get("answer"):
            given["answer"] = form["answer"]
        _mocks(request, viewer).answer(mock_id, index, given, _now())
    except (MockError, ValueError) as exc:
        raise ApiError(422, f"the answer was not recorded: {exc}") from None
    return RedirectResponse(f"/mock/{mock_id}", status_code=303)


@router.post("/mock/{mock_id}/finish")
async def mock_finish(mock_id: int, request: Request) -> Response:
    from prep.interview.mock import MockError

    viewer = _viewer(request)
    await _form(request, viewer)
    try:
        _mocks(request, viewer).finish(mock_id, _now())
    except MockError as exc:
        raise ApiError(404, str(exc)) from None
    return RedirectResponse(f"/mock/{mock_id}/report", status_code=303)


@router.get("/mock/{mock_id}/report", response_class=HTMLResponse)
def mock_report(mock_id: int, request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    state = _mock_state(request, viewer, mock_id)
    report = _mocks(request, viewer).report(state)  # reading never finishes a mock; POST does
    return _render(request, "mock_report.html", viewer, report=report, topics=svc.catalog.topics)


# --- plan --------------------------------------------------------------------------------------


@router.get("/plan", response_class=HTMLResponse)
def plan_page(
    request: Request, interview_date: str | None = None, minutes: str | None = None
) -> Response:
    from prep.study.plan import PlanError, make_plan

    viewer = _viewer(request)
    svc = services(request)
    settings = load_settings(svc.db, viewer.user_id)
    error = None
    target = settings.interview_date
    budget = 45.0
    try:
        if interview_date:
            target = date.fromisoformat(interview_date)
        if minutes:
            budget = float(minutes)
    except ValueError:
        error = "the date must be YYYY-MM-DD and the minutes a number"
    plan = None
    if target is not None and error is None:
        try:
            plan = make_plan(
                svc.catalog, svc.db, viewer.user_id, _now(), target, minutes_per_day=budget
            )
        except PlanError as exc:
            error = str(exc)
    return _render(
        request,
        "plan.html",
        viewer,
        422 if error else 200,
        plan=plan,
        error=error,
        target=target,
        minutes=budget,
        topics=svc.catalog.topics,
    )


# --- settings ----------------------------------------------------------------------------------


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    return _render(request, "settings.html", viewer, settings=load_settings(svc.db, viewer.user_id))


@router.post("/settings", response_class=HTMLResponse)
async def settings_save(request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    form = await _form(request, viewer)
    current = load_settings(svc.db, viewer.user_id)
    try:
        updated = current
        for name in ("desired-retention", "new-cards-per-day", "interview-date"):
            updated = parse_setting(updated, name, form.get(name, ""))
    except SettingsError as exc:
        return _render(
            request, "settings.html", viewer, 422, settings=current, error=str(exc), form=form
        )
    save_settings(svc.db, viewer.user_id, updated)
    return _render(request, "settings.html", viewer, settings=updated, saved=True)


# --- accounts (hosted mode) --------------------------------------------------------------------


def _safe_next(target: str | None) -> str:
    """Only same-site paths: a login link must not be able to send the user elsewhere."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


def _login_response(request: Request, user_id: int, target: str) -> Response:
    svc = services(request)
    token, _ = open_session(svc.db, user_id)
    response = RedirectResponse(_safe_next(target), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=14 * 24 * 3600,
        httponly=True,
        samesite="lax",
        secure=svc.config.secure_cookies,
        path="/",
    )
    return response


def _hosted(request: Request) -> AppServices:
    svc = services(request)
    if not svc.config.hosted:
        raise ApiError(404, "local mode has one user and no login")
    return svc


LOGIN_CSRF_COOKIE = "prep_login_csrf"


def _login_form(request: Request, mode: str, status_code: int = 200, **context: Any) -> Response:
    """The login or sign-up form, with a double-submit CSRF token (there is no session yet)."""
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = _render(
        request, "login.html", None, status_code, mode=mode, login_csrf=token, **context
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=services(request).config.secure_cookies,
    )
    return response


async def _login_fields(request: Request) -> dict[str, str]:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(form.get("csrf_token", ""), cookie):
        raise ApiError(403, "this form has expired (or came from another site); reload the page")
    return form


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    _hosted(request)
    return _login_form(request, "login", next=_safe_next(next))


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    svc = _hosted(request)
    form = await _login_fields(request)
    username, password = form.get("username", ""), form.get("password", "")
    target = _safe_next(form.get("next"))
    keys = login_keys(request, username)
    if wait := svc.logins.retry_after(*keys):
        response = _login_form(
            request,
            "login",
            429,
            next=target,
            username=username,
            error=f"Too many failed attempts. Try again in {wait} seconds.",
        )
        response.headers["Retry-After"] = str(wait)
        return response
    user_id = await run_in_threadpool(authenticate, svc.db, username, password)
    if user_id is None:
        svc.logins.failed(*keys)
        return _login_form(
            request,
            "login",
            401,
            next=target,
            error="Wrong username or password.",
            username=username,
        )
    svc.logins.succeeded(*keys)
    return _login_response(request, user_id, target)


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request) -> Response:
    _hosted(request)
    return _login_form(request, "signup", next="/")


@router.post("/signup", response_class=HTMLResponse)
async def signup(request: Request) -> Response:
    svc = _hosted(request)
    form = await _login_fields(request)
    username, password = form.get("username", ""), form.get("password", "")
    try:
        user_id = await run_in_threadpool(create_account, svc.db, username, password)
    except AccountError as exc:
        return _login_form(request, "signup", 422, next="/", error=str(exc), username=username)
    return _login_response(request, user_id, "/")


@router.post("/logout")
async def logout(request: Request) -> Response:
    svc = _hosted(request)
    viewer = _viewer(request)
    await _form(request, viewer)
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        close_session(svc.db, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
