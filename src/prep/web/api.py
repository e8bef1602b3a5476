"""The JSON API, version 1: everything the pages do, for scripts and other clients.

Lists are paginated by an opaque cursor (the position after the last item returned), so a client
walks a list with `?cursor=<next_cursor>` until `next_cursor` is null.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from prep.content.catalog import Card, Problem
from prep.content.models import ChoiceCard, ClozeCard, OutputCard, RecallCard, SqlCard
from prep.interview.design import DesignDraft
from prep.interview.stories import StoryInput
from prep.judge.history import problem_statuses, record_submission, submission_page
from prep.judge.service import MAX_CODE_BYTES
from prep.judge.verdicts import Judgement
from prep.study import grading
from prep.study.answers import Answer, grade_answer, is_auto_graded, resolve_rating
from prep.study.grading import AnswerFormatError
from prep.study.progress import review_stats
from prep.study.readiness import readiness
from prep.study.session import Scope, ScopeError
from prep.study.settings import Settings, load_settings, save_settings
from prep.web.accounts import (
    AccountError,
    authenticate,
    create_account,
    create_api_token,
    revoke_api_token,
)
from prep.web.problems import ApiError, problem_responses
from prep.web.services import AppServices, Viewer, api_viewer, services

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200

router = APIRouter(prefix="/api/v1", responses=problem_responses(400, 401, 404, 413, 415, 422))


# FastAPI runs a plain-function dependency in the thread pool: a hop between threads that costs
# more than these lookups. As coroutines they run on the event loop; only hosted mode, which
# looks the session or token up in the database, still goes to the pool.
async def _services(request: Request) -> AppServices:
    return services(request)


async def _api_viewer(request: Request) -> Viewer:
    if not services(request).config.hosted:
        return api_viewer(request)  # local mode: the one local user, no I/O
    return await run_in_threadpool(api_viewer, request)


Services = Annotated[AppServices, Depends(_services)]
Who = Annotated[Viewer, Depends(_api_viewer)]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the last page")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


# --- models ------------------------------------------------------------------------------------


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


class SectionOut(BaseModel):
    id: str
    title: str
    priority: str
    cards: int
    seen: int
    due: int
    readiness: float = Field(description="recall, problems and mocks combined (see below)")
    recall: float = Field(description="mean predicted recall over all cards; unseen = 0")
    problems_solved: int
    problems_total: int
    mock_score: float | None = Field(description="parts of the last 3 mocks on this section")
    mock_parts: int


class ReadinessOut(BaseModel):
    overall: float
    sections: list[SectionOut]


class TopicOut(BaseModel):
    id: str
    title: str
    section: str
    priority: str
    has_lesson: bool
    cards: int
    seen: int
    due: int
    mastery: float | None


class LessonOut(BaseModel):
    summary: str
    key_points: list[str]
    pitfalls: list[str]
    interviewer_probes: list[str]
    body_markdown: str


class TopicDetail(TopicOut):
    seed: str
    lesson: LessonOut | None
    problems: list[str]


class OptionOut(BaseModel):
    index: int = Field(description="send these indices back as `choices`")
    text: str


class CardOut(BaseModel):
    id: str
    topic: str
    kind: Literal["recall", "choice", "output", "cloze", "sql"]
    prompt: str
    code: str | None = None
    language: str | None = None
    options: list[OptionOut] | None = None
    multiple: bool | None = None
    blanks: int | None = Field(default=None, description="cloze: how many answers to send")
    masked_text: str | None = None
    setup: str | None = None
    auto_graded: bool


class NextCardOut(BaseModel):
    card: CardOut | None
    is_new: bool
    due: int
    new: int


def _integral(value: Any) -> Any:
    """JSON has one number type: 3.0 is the integer 3 (as JSON Schema says), "3" is not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _iso_date(value: Any) -> Any:
    if value is not None and not isinstance(value, str):
        raise ValueError("expected a date as a 'YYYY-MM-DD' string")
    return value


JsonInt = Annotated[int, BeforeValidator(_integral)]
RatingIn = Annotated[int, Field(ge=1, le=4), BeforeValidator(_integral)]
DurationIn = Annotated[int, Field(ge=0, le=86_400_000), BeforeValidator(_integral)]
NewCardsIn = Annotated[int, Field(ge=0, le=500), BeforeValidator(_integral)]
RetentionIn = Annotated[float, Field(ge=0.70, le=0.99)]
IsoDate = Annotated[date | None, BeforeValidator(_iso_date)]


class StrictInput(BaseModel):
    """Request bodies take JSON types as documented: "3" is not a rating, 0 is not false."""

    model_config = ConfigDict(strict=True)


class AnswerIn(StrictInput):
    choices: list[JsonInt] | None = Field(None, max_length=8)
    text: str | None = Field(None, max_length=20_000)
    blanks: list[Annotated[str, Field(max_length=2_000)]] | None = Field(None, max_length=20)

    def to_answer(self) -> Answer:
        return Answer(
            tuple(self.choices) if self.choices is not None else None,
            self.text,
            tuple(self.blanks) if self.blanks is not None else None,
        )


class ReviewIn(StrictInput):
    card_id: str = Field(max_length=200)
    rating: RatingIn | None = Field(None, description="1 Again, 2 Hard, 3 Good, 4 Easy")
    answer: AnswerIn | None = None
    duration_ms: DurationIn | None = None


class GradeOut(BaseModel):
    correct: bool
    expected: str
    notes: list[str]
    explanation: str | None


class ReviewOut(BaseModel):
    card_id: str
    rating: int
    correct: bool | None
    expected: str | None
    explanation: str | None
    due: datetime


class ProblemOut(BaseModel):
    slug: str
    title: str
    difficulty: str
    topics: list[str]
    status: str


class SampleOut(BaseModel):
    name: str
    input: Any
    expected: Any


class ProblemDetail(ProblemOut):
    statement_markdown: str
    starter: str
    samples: list[SampleOut]
    time_limit_ms: int
    memory_limit_mb: int


class CodeIn(StrictInput):
    code: str = Field(min_length=1, max_length=MAX_CODE_BYTES)

    @field_validator("code")
    @classmethod
    def _within_bytes(cls, code: str) -> str:
        if len(code.encode("utf-8")) > MAX_CODE_BYTES:
            raise ValueError(f"code is larger than {MAX_CODE_BYTES // 1024} KiB")
        return code


class CaseOut(BaseModel):
    name: str
    verdict: str
    time_ms: float | None
    sample: bool
    message: str | None
    input: Any = None
    expected: Any = None
    actual: Any = None
    stdout: str | None = None


class RuleOut(BaseModel):
    """One deployment-config rule as a config lab reports it."""

    id: str
    ok: bool
    line: int | None = None
    message: str | None = None


class ComplexityOut(BaseModel):
    expected: str
    estimated: str | None
    confidence: str


class JudgementOut(BaseModel):
    verdict: str
    passed: int
    total: int
    time_ms: float
    memory_kb: int
    cases: list[CaseOut]
    complexity: ComplexityOut | None
    message: str
    # Fields some lab kinds add (absent for problems).
    rules: list[RuleOut] | None = None
    failed_rules: list[str] | None = None
    mutation_score: float | None = Field(default=None, ge=0, le=1)
    killed: list[str] | None = None
    survivors: list[str] | None = None
    row_diff: dict[str, Any] | None = None


class SubmissionOut(BaseModel):
    id: int
    problem: str
    verdict: str
    passed: int
    total: int
    time_ms: float
    created_at: datetime


class SubmissionDetail(SubmissionOut):
    code: str
    result: JudgementOut


class DayOut(BaseModel):
    day: date
    reviews: int
    correct: int


class StatsOut(BaseModel):
    total_reviews: int
    streak_days: int
    retention: float | None
    per_day: list[DayOut]
    forecast: list[DayOut]
    readiness: ReadinessOut


class SettingsOut(BaseModel):
    desired_retention: float
    new_cards_per_day: int
    interview_date: date | None


class SettingsIn(StrictInput):
    desired_retention: RetentionIn | None = Field(None, description="null: unchanged")
    new_cards_per_day: NewCardsIn | None = Field(None, description="null: unchanged")
    interview_date: IsoDate = Field(None, strict=False)
    clear_interview_date: bool = False


class CredentialsIn(StrictInput):
    username: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=1, max_length=1024)


class TokenIn(CredentialsIn):
    name: str = Field("api", min_length=1, max_length=100)


class TokenOut(BaseModel):
    token: str
    token_type: Literal["bearer"] = "bearer"


class AccountOut(BaseModel):
    id: int
    username: str


# --- pagination --------------------------------------------------------------------------------


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ApiError(400, "cursor is not one this API returned", field="cursor") from None


def paginate(
    items: Sequence[T], key: Callable[[T], str], cursor: str | None, limit: int
) -> tuple[list[T], str | None]:
    start = 0
    if cursor is not None:
        after = decode_cursor(cursor)
        keys = [key(item) for item in items]
        if after not in keys:
            raise ApiError(400, "cursor is not one this API returned", field="cursor")
        start = keys.index(after) + 1
    page = list(items[start : start + limit])
    more = start + limit < len(items)
    return page, encode_cursor(key(page[-1])) if more and page else None


# --- presenters --------------------------------------------------------------------------------


def card_out(card: Card, *, seed: int = 0) -> CardOut:
    """A card as shown before answering: never the answer itself."""
    spec = card.spec
    out = CardOut(
        id=card.id,
        topic=card.topic_id,
        kind=spec.kind,
        prompt=spec.prompt,
        code=spec.code,
        auto_graded=is_auto_graded(card),
    )
    if isinstance(spec, ChoiceCard):
        import random

        order = grading.choice_order(spec, random.Random(f"{card.id}:{seed}"))
        out.options = [OptionOut(index=i, text=spec.options[i].text) for i in order]
        out.multiple = spec.multiple
    elif isinstance(spec, ClozeCard):
        out.masked_text = grading.cloze_masked(spec)
        out.blanks = len(grading.cloze_blanks(spec))
        out.language = spec.lang
    elif isinstance(spec, SqlCard):
        out.code, out.setup, out.language = spec.query, spec.setup, "sql"
    elif isinstance(spec, OutputCard | RecallCard):
        out.language = "python" if spec.code else None
    return out


def problem_out(problem: Problem, status: str) -> ProblemOut:
    return ProblemOut(
        slug=problem.slug,
        title=problem.spec.title,
        difficulty=problem.spec.difficulty,
        topics=list(problem.spec.topics),
        status=status,
    )


def judgement_out(judgement: Judgement) -> JudgementOut:
    return JudgementOut.model_validate(judgement.to_json())


def _card(svc: AppServices, card_id: str) -> Card:
    card = svc.catalog.cards.get(card_id)
    if card is None:
        raise ApiError(404, f"no card {card_id!r}", field="card_id")
    return card


def _problem(svc: AppServices, slug: str) -> Problem:
    problem = svc.catalog.problems.get(slug)
    if problem is None:
        raise ApiError(404, f"no problem {slug!r}", field="slug")
    return problem


def _now() -> datetime:
    return datetime.now(UTC)


# --- curriculum --------------------------------------------------------------------------------


@router.get("/readiness", response_model=ReadinessOut, tags=["progress"])
def get_readiness(svc: Services, who: Who) -> ReadinessOut:
    """Readiness per section and overall, weighted by the seed's priorities. A section combines
    card recall (0.6), problems solved (0.25) and recent mock parts (0.15), over the ones it has."""
    result = readiness(svc.catalog, svc.db, who.user_id, _now())
    return ReadinessOut(
        overall=result.overall,
        sections=[
            SectionOut(
                id=s.section_id,
                title=s.title,
                priority=s.priority,
                cards=s.cards,
                seen=s.seen,
                due=s.due,
                readiness=s.readiness,
                recall=s.recall,
                problems_solved=s.problems_solved,
                problems_total=s.problems_total,
                mock_score=s.mock_score,
                mock_parts=s.mock_parts,
            )
            for s in result.sections
        ],
    )


@router.get("/topics", response_model=Page[TopicOut], tags=["curriculum"])
def list_topics(
    svc: Services,
    who: Who,
    section: Annotated[str | None, Query(max_length=100)] = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[TopicOut]:
    catalog = svc.catalog
    if section is not None and section not in {s.id for s in catalog.sections}:
        raise ApiError(404, f"no section {section!r}", field="section")
    from prep.study.progress import topic_progress

    progress = topic_progress(catalog, svc.db, who.user_id, _now())
    topics = [
        t for s in catalog.sections if section in (None, s.id) for t in catalog.topics_in(s.id)
    ]
    page, next_cursor = paginate(topics, lambda t: t.id, cursor, limit)
    return Page[TopicOut](
        items=[
            TopicOut(
                id=t.id,
                title=t.title,
                section=t.section_id,
                priority=t.priority,
                has_lesson=t.id in catalog.lessons,
                cards=progress[t.id].cards,
                seen=progress[t.id].seen,
                due=progress[t.id].due,
                mastery=progress[t.id].mastery,
            )
            for t in page
        ],
        next_cursor=next_cursor,
    )


@router.get("/topics/{topic_id}", response_model=TopicDetail, tags=["curriculum"])
def get_topic(topic_id: str, svc: Services, who: Who) -> TopicDetail:
    catalog = svc.catalog
    topic = catalog.topics.get(topic_id)
    if topic is None:
        raise ApiError(404, f"no topic {topic_id!r}", field="topic_id")
    from prep.study.progress import topic_progress

    progress = topic_progress(catalog, svc.db, who.user_id, _now())[topic_id]
    lesson = catalog.lessons.get(topic_id)
    return TopicDetail(
        id=topic.id,
        title=topic.title,
        section=topic.section_id,
        priority=topic.priority,
        seed=topic.seed,
        has_lesson=lesson is not None,
        cards=progress.cards,
        seen=progress.seen,
        due=progress.due,
        mastery=progress.mastery,
        lesson=LessonOut(
            summary=lesson.meta.summary,
            key_points=list(lesson.meta.key_points),
            pitfalls=list(lesson.meta.pitfalls),
            interviewer_probes=list(lesson.meta.interviewer_probes),
            body_markdown=lesson.body,
        )
        if lesson
        else None,
        problems=[p.slug for p in catalog.problems_for(topic_id)],
    )


# --- study -------------------------------------------------------------------------------------


# The study endpoints are the hot path, and coroutines. Recording a review writes, and may wait
# for another writer, so it does that work in one trip to the thread that writes reviews (see
# AppServices.review_writer). (A plain-function endpoint takes two trips to the thread pool:
# FastAPI also validates its return value there.) The next card is read on the event loop:
# usually one SQLite statement, which in WAL mode never waits for a writer and takes less CPU
# than the trip to a worker thread and back, whose thread switches slow every other request.


@router.get("/study/next", response_model=NextCardOut, tags=["study"])
async def next_card(
    svc: Services,
    who: Who,
    section: Annotated[str | None, Query(max_length=100)] = None,
    topic: Annotated[str | None, Query(max_length=100)] = None,
) -> NextCardOut:
    """The card to study now (due first, then new within today's limit), and what is left."""
    return _next_card(svc, who, section, topic)


def _next_card(
    svc: AppServices, who: Viewer, section: str | None, topic: str | None
) -> NextCardOut:
    try:
        scope = Scope(section, topic).validate(svc.catalog)
    except ScopeError as exc:
        raise ApiError(404, str(exc), field="topic" if topic else "section") from None
    upcoming, counts = svc.study(who.user_id).queue(scope, _now())
    return NextCardOut(
        card=card_out(upcoming.card) if upcoming else None,
        is_new=bool(upcoming and upcoming.is_new),
        due=counts.due,
        new=counts.new,
    )


@router.post("/cards/{card_id:path}/check", response_model=GradeOut, tags=["study"])
def check_answer(card_id: str, body: AnswerIn, svc: Services, who: Who) -> GradeOut:
    """Grade an answer without recording it (the page shows the verdict, then asks a rating)."""
    card = _card(svc, card_id)
    try:
        grade = grade_answer(svc.catalog, card, body.to_answer())
    except AnswerFormatError as exc:
        raise ApiError(422, str(exc), field="answer") from None
    return GradeOut(
        correct=grade.correct,
        expected=grade.expected,
        notes=list(grade.notes),
        explanation=card.spec.explanation,
    )


@router.post("/reviews", response_model=ReviewOut, status_code=201, tags=["study"])
async def post_review(body: ReviewIn, svc: Services, who: Who) -> ReviewOut:
    """Record a review. Auto-graded cards are graded here from `answer`: a wrong answer is
    recorded as Again whatever the rating says."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(svc.review_writer, _post_review, body, svc, who)


def _post_review(body: ReviewIn, svc: AppServices, who: Viewer) -> ReviewOut:
    card = _card(svc, body.card_id)
    answer = body.answer.to_answer() if body.answer else None
    try:
        grade = None
        if is_auto_graded(card):
            if answer is None:
                raise AnswerFormatError(f"this {card.kind} card needs an 'answer' to grade")
            grade = grade_answer(svc.catalog, card, answer)
        rating = resolve_rating(card, grade, body.rating)
    except AnswerFormatError as exc:
        field = "answer" if is_auto_graded(card) else "rating"
        raise ApiError(422, str(exc), field=field) from None
    outcome = svc.study(who.user_id).record(
        card.id,
        rating,
        _now(),
        answer=answer.as_log_text() if answer else None,
        correct=grade.correct if grade else None,
        duration_ms=body.duration_ms,
    )
    return ReviewOut(
        card_id=card.id,
        rating=rating,
        correct=grade.correct if grade else None,
        expected=grade.expected if grade else None,
        explanation=card.spec.explanation,
        due=outcome.due,
    )


@router.get("/stats", response_model=StatsOut, tags=["progress"])
def get_stats(svc: Services, who: Who) -> StatsOut:
    stats = review_stats(svc.catalog, svc.db, who.user_id, _now(), days=182, forecast_days=30)
    return StatsOut(
        total_reviews=stats.total_reviews,
        streak_days=stats.streak_days,
        retention=stats.retention,
        per_day=[DayOut(day=d.day, reviews=d.reviews, correct=d.correct) for d in stats.per_day],
        forecast=[DayOut(day=d, reviews=n, correct=0) for d, n in stats.forecast],
        readiness=get_readiness(svc, who),
    )


# --- problems ----------------------------------------------------------------------------------


@router.get("/problems", response_model=Page[ProblemOut], tags=["practice"])
def list_problems(
    svc: Services,
    who: Who,
    topic: Annotated[str | None, Query(max_length=100)] = None,
    difficulty: Literal["easy", "medium", "hard"] | None = None,
    status: Literal["solved", "attempted", "new"] | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[ProblemOut]:
    if topic is not None and topic not in svc.catalog.topics:
        raise ApiError(404, f"no topic {topic!r}", field="topic")
    statuses = problem_statuses(svc.db, who.user_id)
    chosen = [
        problem_out(p, statuses.get(p.slug, "new"))
        for p in svc.catalog.problems.values()
        if topic in (None, *p.spec.topics)
        and difficulty in (None, p.spec.difficulty)
        and status in (None, statuses.get(p.slug, "new"))
    ]
    page, next_cursor = paginate(chosen, lambda p: p.slug, cursor, limit)
    return Page[ProblemOut](items=page, next_cursor=next_cursor)


@router.get("/problems/{slug}", response_model=ProblemDetail, tags=["practice"])
def get_problem(slug: str, svc: Services, who: Who) -> ProblemDetail:
    problem = _problem(svc, slug)
    status = problem_statuses(svc.db, who.user_id).get(slug, "new")
    return ProblemDetail(
        **problem_out(problem, status).model_dump(),
        statement_markdown=problem.statement,
        starter=problem.starter,
        samples=[
            SampleOut(name=c.name, input=c.input, expected=c.expected) for c in problem.samples
        ],
        time_limit_ms=problem.spec.time_limit_ms,
        memory_limit_mb=problem.spec.memory_limit_mb,
    )


@router.post("/problems/{slug}/runs", response_model=JudgementOut, tags=["practice"])
async def run_samples(slug: str, body: CodeIn, svc: Services, who: Who) -> JudgementOut:
    """Run the code on the sample cases only; nothing is recorded."""
    problem = _problem(svc, slug)
    async with svc.judge_slots:
        judgement = await run_in_threadpool(svc.judge.run_samples, problem, body.code)
    return judgement_out(judgement)


@router.post(
    "/problems/{slug}/submissions",
    response_model=SubmissionDetail,
    status_code=201,
    tags=["practice"],
)
async def submit(slug: str, body: CodeIn, svc: Services, who: Who) -> SubmissionDetail:
    """Judge on every case (and estimate complexity when accepted); the verdict is stored."""
    problem = _problem(svc, slug)
    async with svc.judge_slots:
        judgement = await run_in_threadpool(svc.judge.submit, problem, body.code)
    submission_id = record_submission(svc.db, who.user_id, slug, body.code, judgement)
    return get_submission(submission_id, svc, who)


@router.get("/submissions", response_model=Page[SubmissionOut], tags=["practice"])
def list_submissions(
    svc: Services,
    who: Who,
    problem: Annotated[str | None, Query(max_length=200)] = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[SubmissionOut]:
    """Newest first."""
    before = None
    if cursor is not None:
        raw = decode_cursor(cursor)
        if not raw.isdigit():
            raise ApiError(400, "cursor is not one this API returned", field="cursor")
        before = int(raw)
    rows = submission_page(svc.db, who.user_id, problem=problem, before_id=before, limit=limit + 1)
    page = rows[:limit]
    return Page[SubmissionOut](
        items=[SubmissionOut.model_validate(r, from_attributes=True) for r in page],
        next_cursor=encode_cursor(str(page[-1].id)) if len(rows) > limit else None,
    )


@router.get("/submissions/{submission_id}", response_model=SubmissionDetail, tags=["practice"])
def get_submission(
    submission_id: Annotated[int, Path(ge=1, le=2**62)], svc: Services, who: Who
) -> SubmissionDetail:
    from prep.judge.history import submission_detail

    found = submission_detail(svc.db, who.user_id, submission_id)
    if found is None:  # someone else's submission is as unknown as a missing one
        raise ApiError(404, f"no submission {submission_id}", field="submission_id")
    stored, code, result = found
    return SubmissionDetail(
        **SubmissionOut.model_validate(stored, from_attributes=True).model_dump(),
        code=code,
        result=JudgementOut.model_validate(result),
    )


# --- likely questions and the drill -----------------------------------------------------------


class QuestionOut(BaseModel):
    id: str
    text: str
    group: str
    kind: str
    topics: list[str]
    key_points: int


class ModelAnswerOut(QuestionOut):
    short_answer: str
    key_point_texts: list[str]
    follow_ups: list[str]
    weak_answers: list[str]
    body_markdown: str


class DrillNextOut(BaseModel):
    question: QuestionOut | None
    is_new: bool


class DrillAnswerIn(StrictInput):
    question_id: str = Field(max_length=200)
    covered: list[JsonInt] = Field(max_length=50, description="indices of key points covered")
    answer: str | None = Field(None, max_length=20_000)
    duration_ms: DurationIn | None = None


class DrillResultOut(BaseModel):
    question_id: str
    covered: int
    total: int
    rating: int
    due: datetime


def question_out(svc: AppServices, question_id: str) -> QuestionOut:
    question = next((q for q in svc.catalog.questions if q.id == question_id), None)
    model = svc.catalog.answers.get(question_id)
    if question is None or model is None:
        raise ApiError(404, f"no question {question_id!r} with a model answer", field="question_id")
    return QuestionOut(
        id=question.id,
        text=question.seed,
        group=question.group,
        kind=question.kind,
        topics=list(question.topic_ids),
        key_points=len(model.meta.key_points),
    )


@router.get("/questions", response_model=list[QuestionOut], tags=["interview"])
def list_questions(svc: Services, who: Who) -> list[QuestionOut]:
    """The seed's likely questions (all 19 have a model answer)."""
    return [question_out(svc, q.id) for q in svc.catalog.questions if q.id in svc.catalog.answers]


@router.get("/questions/{question_id}", response_model=ModelAnswerOut, tags=["interview"])
def get_question(question_id: str, svc: Services, who: Who) -> ModelAnswerOut:
    """A question with its model answer: 30-second answer, key points, follow-ups, full text."""
    base = question_out(svc, question_id)
    meta = svc.catalog.answers[question_id].meta
    return ModelAnswerOut(
        **base.model_dump(),
        short_answer=meta.short_answer,
        key_point_texts=list(meta.key_points),
        follow_ups=list(meta.follow_ups),
        weak_answers=list(meta.weak_answers),
        body_markdown=svc.catalog.answers[question_id].body,
    )


@router.get("/drill/next", response_model=DrillNextOut, tags=["interview"])
def drill_next(svc: Services, who: Who) -> DrillNextOut:
    """The likely question to practise now: the most overdue, else one never drilled."""
    from prep.study.drill import DrillService

    upcoming = DrillService(svc.catalog, svc.db, who.user_id).next_question(_now())
    if upcoming is None:
        return DrillNextOut(question=None, is_new=False)
    return DrillNextOut(question=question_out(svc, upcoming.question.id), is_new=upcoming.is_new)


@router.post("/drill/answers", response_model=DrillResultOut, status_code=201, tags=["interview"])
def drill_answer(body: DrillAnswerIn, svc: Services, who: Who) -> DrillResultOut:
    """Record a drilled answer: the share of key points covered sets the FSRS rating."""
    from prep.study.drill import DrillError, DrillService

    question_out(svc, body.question_id)  # 404 for an unknown question
    try:
        result = DrillService(svc.catalog, svc.db, who.user_id).record(
            body.question_id,
            set(body.covered),
            _now(),
            answer=body.answer,
            duration_ms=body.duration_ms,
        )
    except DrillError as exc:
        raise ApiError(422, str(exc), field="covered") from None
    return DrillResultOut(
        question_id=result.question_id,
        covered=result.covered,
        total=result.total,
        rating=result.rating,
        due=result.outcome.due,
    )


# --- behavioral story bank ---------------------------------------------------------------------

PRACTICE_STATUS = {"invalid": 422, "not_found": 404, "conflict": 409}


def _practice_call(call: Callable[[], Any]) -> Any:
    """Run a practice-service call, answering its errors as problem documents."""
    from prep.interview.errors import PracticeError

    try:
        return call()
    except PracticeError as exc:
        raise ApiError(PRACTICE_STATUS[exc.reason], str(exc), field=exc.field) from None


class StoryCheckOut(BaseModel):
    ok: bool
    problems: list[str]
    words: int
    spoken_seconds: int


class StoryOut(BaseModel):
    id: int
    title: str
    situation: str
    task: str
    action: str
    result: str
    questions: list[str]
    competencies: list[str]
    check: StoryCheckOut
    updated_at: datetime


class PracticeOut(BaseModel):
    question: QuestionOut
    story: StoryOut | None


def story_out(saved: Any) -> StoryOut:
    return StoryOut(
        id=saved.id,
        **saved.story.model_dump(),
        check=StoryCheckOut(
            ok=saved.check.ok,
            problems=list(saved.check.problems),
            words=saved.check.words,
            spoken_seconds=saved.check.spoken_seconds,
        ),
        updated_at=saved.updated_at,
    )


def _bank(svc: AppServices, who: Viewer) -> Any:
    from prep.interview.stories import StoryBank

    return StoryBank(svc.catalog, svc.db, who.user_id)


StoryId = Annotated[int, Path(ge=1, le=2**62)]


@router.get("/stories", response_model=list[StoryOut], tags=["interview"])
def list_stories(svc: Services, who: Who) -> list[StoryOut]:
    return [story_out(s) for s in _bank(svc, who).all()]


@router.post("/stories", response_model=StoryOut, status_code=201, tags=["interview"])
def add_story(body: StoryInput, svc: Services, who: Who) -> StoryOut:
    """Save a STAR story; the response says what the checks found (saved either way)."""
    return story_out(_practice_call(lambda: _bank(svc, who).add(body)))


@router.get("/stories/{story_id}", response_model=StoryOut, tags=["interview"])
def get_story(story_id: StoryId, svc: Services, who: Who) -> StoryOut:
    return story_out(_practice_call(lambda: _bank(svc, who).get(story_id)))


@router.put("/stories/{story_id}", response_model=StoryOut, tags=["interview"])
def put_story(story_id: StoryId, body: StoryInput, svc: Services, who: Who) -> StoryOut:
    return story_out(_practice_call(lambda: _bank(svc, who).update(story_id, body)))


@router.delete("/stories/{story_id}", status_code=204, tags=["interview"])
def delete_story(story_id: StoryId, svc: Services, who: Who) -> Response:
    _practice_call(lambda: _bank(svc, who).delete(story_id))
    return Response(status_code=204)


@router.get("/practice/behavioral", response_model=PracticeOut, tags=["interview"])
def practice_story(
    svc: Services,
    who: Who,
    question_id: Annotated[str | None, Query(max_length=200)] = None,
) -> PracticeOut:
    """A behavioral question (random unless given) and your best-matching story for it."""
    bank = _bank(svc, who)
    chosen = _practice_call(lambda: bank.practice_question(question_id))
    question = question_out(svc, chosen)
    best = bank.best_for(chosen)
    return PracticeOut(question=question, story=story_out(best) if best else None)


# --- system-design practice --------------------------------------------------------------------


class DesignPromptOut(BaseModel):
    id: str
    title: str
    prompt: str
    topics: list[str]
    total_points: int
    status: Literal["new", "gaps", "complete"]
    score: int | None


class DesignRevisionOut(BaseModel):
    id: int
    sections: dict[str, str]
    problems: list[str]
    scores: list[int] | None
    created_at: datetime


class DesignDetailOut(DesignPromptOut):
    latest: DesignRevisionOut | None


class RubricItemOut(BaseModel):
    criterion: str
    points: int
    look_for: str


class DesignRevealOut(BaseModel):
    model_markdown: str
    rubric: list[RubricItemOut]
    total_points: int


class ScoreIn(StrictInput):
    points: list[JsonInt] = Field(max_length=12)


class CapacityIn(StrictInput):
    daily_active_users: JsonInt = Field(ge=1, le=10**10)
    requests_per_user_per_day: float = Field(gt=0, le=10**6)
    write_fraction: float = Field(ge=0, le=1)
    bytes_per_write: JsonInt = Field(ge=0, le=10**10)
    bytes_per_response: JsonInt = Field(ge=0, le=10**10)
    retention_days: JsonInt = Field(ge=1, le=36_500)
    peak_factor: float = Field(2.0, ge=1, le=100)
    replication: JsonInt = Field(3, ge=1, le=10)


class CapacityOut(BaseModel):
    average_qps: float
    peak_qps: float
    write_qps: float
    storage_per_day_bytes: float
    storage_total_bytes: float
    egress_bytes_per_s: float
    steps: list[str]


def _practice(svc: AppServices, who: Viewer) -> Any:
    from prep.interview.design import DesignPractice

    return DesignPractice(svc.catalog, svc.db, who.user_id)


def _prompt_out(prompt: Any, saved: Any) -> dict[str, Any]:
    status = "new" if saved is None else ("complete" if not saved.problems else "gaps")
    return {
        "id": prompt.id,
        "title": prompt.meta.title,
        "prompt": prompt.meta.prompt,
        "topics": list(prompt.meta.topics),
        "total_points": prompt.total_points,
        "status": status,
        "score": None if saved is None else saved.score,
    }


def _revision_out(saved: Any) -> DesignRevisionOut:
    return DesignRevisionOut(
        id=saved.id,
        sections=saved.draft.model_dump(),
        problems=list(saved.problems),
        scores=list(saved.scores) if saved.scores is not None else None,
        created_at=saved.created_at,
    )


@router.get("/design/prompts", response_model=list[DesignPromptOut], tags=["interview"])
def list_design_prompts(svc: Services, who: Who) -> list[DesignPromptOut]:
    statuses = _practice(svc, who).statuses()
    return [
        DesignPromptOut(**_prompt_out(p, statuses.get(p.id))) for p in svc.catalog.designs.values()
    ]


@router.get("/design/prompts/{prompt_id}", response_model=DesignDetailOut, tags=["interview"])
def get_design_prompt(prompt_id: str, svc: Services, who: Who) -> DesignDetailOut:
    practice = _practice(svc, who)
    prompt = _practice_call(lambda: practice.prompt(prompt_id))
    latest = practice.latest(prompt_id)
    return DesignDetailOut(
        **_prompt_out(prompt, latest), latest=_revision_out(latest) if latest else None
    )


@router.put(
    "/design/prompts/{prompt_id}/draft",
    response_model=DesignRevisionOut,
    status_code=201,
    tags=["interview"],
)
def save_design(prompt_id: str, body: DesignDraft, svc: Services, who: Who) -> DesignRevisionOut:
    """Save a new revision; the response lists the sections that are missing or thin."""
    return _revision_out(_practice_call(lambda: _practice(svc, who).save(prompt_id, body)))


@router.get(
    "/design/prompts/{prompt_id}/reveal",
    response_model=DesignRevealOut,
    tags=["interview"],
    responses=problem_responses(409),
)
def reveal_design(prompt_id: str, svc: Services, who: Who) -> DesignRevealOut:
    """The model design and rubric, once you have saved a design of your own."""
    practice = _practice(svc, who)
    prompt = _practice_call(lambda: practice.prompt(prompt_id))
    if practice.latest(prompt_id) is None:
        raise ApiError(409, "save your own design first; then compare it with the model")
    return DesignRevealOut(
        model_markdown=model_design_markdown(svc, prompt),
        rubric=[RubricItemOut(**item.model_dump()) for item in prompt.meta.rubric],
        total_points=prompt.total_points,
    )


def model_design_markdown(svc: AppServices, prompt: Any) -> str:
    kind, _, target = prompt.meta.model.partition(":")
    parts = []
    if kind == "lesson":
        parts.append(svc.catalog.lessons[target].body)
    elif kind == "answer":
        parts.append(svc.catalog.answers[target].body)
    if prompt.body.strip():
        parts.append(prompt.body)
    return "\n\n".join(parts)


@router.post(
    "/design/prompts/{prompt_id}/score",
    response_model=DesignRevisionOut,
    tags=["interview"],
    responses=problem_responses(409),
)
def score_design(prompt_id: str, body: ScoreIn, svc: Services, who: Who) -> DesignRevisionOut:
    """Self-score the latest revision: one number per rubric criterion."""
    return _revision_out(
        _practice_call(lambda: _practice(svc, who).score(prompt_id, list(body.points)))
    )


@router.post("/capacity", response_model=CapacityOut, tags=["interview"])
def capacity_estimate(body: CapacityIn, who: Who) -> CapacityOut:
    """Back-of-envelope QPS, storage and bandwidth, with the arithmetic as text."""
    from dataclasses import asdict

    from prep.interview.design import CapacityInput, capacity

    estimate = capacity(CapacityInput.model_validate(body.model_dump()))
    return CapacityOut.model_validate(asdict(estimate))


# --- mock interviews ----------------------------------------------------------------------------


class MockStartIn(StrictInput):
    minutes: Literal[45, 60] = 45
    focus: str | None = Field(None, max_length=100)


class MockPartOut(BaseModel):
    index: int
    kind: str
    ref: str
    title: str
    minutes: int
    topics: list[str]
    score: float | None
    detail: str | None


class MockOut(BaseModel):
    id: int
    minutes: int
    focus: str | None
    parts: list[MockPartOut]
    started_at: datetime
    finished_at: datetime | None
    score: float | None


class MockAnswerIn(StrictInput):
    covered: list[JsonInt] | None = Field(None, max_length=50)
    answer: str | None = Field(None, max_length=20_000, description="what you said, kept")
    sections: DesignDraft | None = None


class MockReportOut(BaseModel):
    mock: MockOut
    by_kind: dict[str, float]
    weak_topics: list[str]


def mock_out(state: Any) -> MockOut:
    return MockOut(
        id=state.id,
        minutes=state.minutes,
        focus=state.focus,
        parts=[
            MockPartOut(
                index=i,
                kind=p.kind,
                ref=p.ref,
                title=p.title,
                minutes=p.minutes,
                topics=list(p.topics),
                score=state.results[i].score if i in state.results else None,
                detail=state.results[i].detail if i in state.results else None,
            )
            for i, p in enumerate(state.parts)
        ],
        started_at=state.started_at,
        finished_at=state.finished_at,
        score=state.score,
    )


def _mocks(svc: AppServices, who: Viewer) -> Any:
    from prep.interview.mock import MockInterviews

    return MockInterviews(svc.catalog, svc.db, who.user_id)


MockId = Annotated[int, Path(ge=1, le=2**62)]


@router.post("/mocks", response_model=MockOut, status_code=201, tags=["interview"])
def start_mock(body: MockStartIn, svc: Services, who: Who) -> MockOut:
    """Assemble a mock from your weakest topics, weighted by the seed's priorities."""
    return mock_out(
        _practice_call(lambda: _mocks(svc, who).start(body.minutes, body.focus, _now()))
    )


@router.get("/mocks", response_model=list[MockOut], tags=["interview"])
def list_mocks(svc: Services, who: Who) -> list[MockOut]:
    """Your mocks, newest first."""
    return [mock_out(m) for m in _mocks(svc, who).history()]


@router.get("/mocks/{mock_id}", response_model=MockOut, tags=["interview"])
def get_mock(mock_id: MockId, svc: Services, who: Who) -> MockOut:
    return mock_out(_practice_call(lambda: _mocks(svc, who).get(mock_id)))


@router.post(
    "/mocks/{mock_id}/parts/{index}",
    response_model=MockOut,
    tags=["interview"],
    responses=problem_responses(409),
)
def answer_mock_part(
    mock_id: MockId,
    index: Annotated[int, Path(ge=0, le=50)],
    body: MockAnswerIn,
    svc: Services,
    who: Who,
) -> MockOut:
    """Grade one part: `covered` (key points or STAR parts), `sections` (a design), or
    nothing for the coding part, which takes your best submission since the mock started."""
    given: dict[str, Any] = {}
    if body.covered is not None:
        given["covered"] = list(body.covered)
    if body.sections is not None:
        given["sections"] = body.sections.model_dump()
    if body.answer is not None:
        given["answer"] = body.answer
    return mock_out(_practice_call(lambda: _mocks(svc, who).answer(mock_id, index, given, _now())))


@router.post("/mocks/{mock_id}/finish", response_model=MockReportOut, tags=["interview"])
def finish_mock(mock_id: MockId, svc: Services, who: Who) -> MockReportOut:
    """Score the mock (unanswered parts count 0) and name the topics that cost points."""
    report = _practice_call(lambda: _mocks(svc, who).finish(mock_id, _now()))
    return MockReportOut(
        mock=mock_out(report.mock), by_kind=report.by_kind, weak_topics=list(report.weak_topics)
    )


# --- plan --------------------------------------------------------------------------------------


class PlanDayOut(BaseModel):
    day: date
    reviews: int
    new_cards: int
    minutes: float
    new_topics: list[str]


class SectionForecastOut(BaseModel):
    section_id: str
    title: str
    priority: str
    cards: int
    recall_now: float
    recall_if_you_stop: float
    recall_with_plan: float


class PlanOut(BaseModel):
    today: date
    interview: date
    interview_moment: datetime
    minutes_per_day: float
    review_seconds: float
    new_card_seconds: float
    days: list[PlanDayOut]
    forecast: list[SectionForecastOut]
    unseen_left: int
    high_priority_topics_missed: list[str]
    overall_now: float
    overall_if_you_stop: float
    overall_with_plan: float


@router.get("/plan", response_model=PlanOut, tags=["progress"], responses=problem_responses(409))
def get_plan(
    svc: Services,
    who: Who,
    interview_date: Annotated[
        date | None, Query(description="default: the date in your settings")
    ] = None,
    minutes: Annotated[float, Query(ge=0, le=1440)] = 45.0,
) -> PlanOut:
    """A day-by-day plan to the interview date and the recall FSRS predicts on that day."""
    from prep.study.plan import PlanError, make_plan, plan_document

    target = interview_date or load_settings(svc.db, who.user_id).interview_date
    if target is None:
        raise ApiError(409, "no interview date is set; pass interview_date", field="interview_date")
    try:
        plan = make_plan(svc.catalog, svc.db, who.user_id, _now(), target, minutes_per_day=minutes)
    except PlanError as exc:
        raise ApiError(422, str(exc), field="interview_date") from None
    return PlanOut.model_validate(plan_document(plan))


# --- settings ----------------------------------------------------------------------------------


def settings_out(settings: Settings) -> SettingsOut:
    return SettingsOut(
        desired_retention=settings.desired_retention,
        new_cards_per_day=settings.new_cards_per_day,
        interview_date=settings.interview_date,
    )


@router.get("/settings", response_model=SettingsOut, tags=["settings"])
def get_settings(svc: Services, who: Who) -> SettingsOut:
    return settings_out(load_settings(svc.db, who.user_id))


@router.patch("/settings", response_model=SettingsOut, tags=["settings"])
def patch_settings(body: SettingsIn, svc: Services, who: Who) -> SettingsOut:
    """Change some settings; fields left out keep their value."""
    current = load_settings(svc.db, who.user_id)
    given = body.model_dump(exclude_unset=True, exclude={"clear_interview_date"})
    # null means "unchanged" for the numbers; for the date it clears it.
    changes: dict[str, Any] = {
        name: value
        for name, value in given.items()
        if value is not None or name == "interview_date"
    }
    if body.clear_interview_date:
        changes["interview_date"] = None
    updated = replace(current, **changes)
    save_settings(svc.db, who.user_id, updated)
    return settings_out(updated)


# --- accounts (hosted mode) --------------------------------------------------------------------


def _hosted_only(svc: AppServices) -> None:
    if not svc.config.hosted:
        raise ApiError(404, "accounts exist only in hosted mode; local mode has one user")


@router.post("/accounts", response_model=AccountOut, status_code=201, tags=["accounts"])
def sign_up(body: CredentialsIn, svc: Services) -> AccountOut:
    _hosted_only(svc)
    try:
        user_id = create_account(svc.db, body.username, body.password)
    except AccountError as exc:
        status = 409 if exc.field == "username" and "taken" in str(exc) else 422
        raise ApiError(status, str(exc), field=exc.field) from None
    return AccountOut(id=user_id, username=body.username.strip().lower())


@router.post(
    "/tokens",
    response_model=TokenOut,
    status_code=201,
    tags=["accounts"],
    responses=problem_responses(429),
)
def create_token(body: TokenIn, request: Request, svc: Services) -> TokenOut:
    """Exchange a username and password for a bearer token (shown once)."""
    _hosted_only(svc)
    keys = login_keys(request, body.username)
    if wait := svc.logins.retry_after(*keys):
        raise ApiError(
            429, "too many failed logins; try again later", headers={"Retry-After": str(wait)}
        )
    user_id = authenticate(svc.db, body.username, body.password)
    if user_id is None:
        svc.logins.failed(*keys)
        raise ApiError(401, "wrong username or password")
    svc.logins.succeeded(*keys)
    return TokenOut(token=create_api_token(svc.db, user_id, body.name))


@router.delete("/tokens/current", status_code=204, tags=["accounts"])
def revoke_token(request: Request, svc: Services, who: Who) -> Response:
    """Revoke the bearer token this request was made with."""
    _hosted_only(svc)
    if not who.via_token:
        raise ApiError(400, "this request was not made with a bearer token")
    token = request.headers["authorization"].partition(" ")[2].strip()
    revoke_api_token(svc.db, token)
    return Response(status_code=204)


def login_keys(request: Request, username: str) -> tuple[str, str]:
    """Failed logins are counted per client address and per username."""
    client = request.client.host if request.client else "unknown"
    return f"ip:{client}", f"user:{username.strip().lower()}"
