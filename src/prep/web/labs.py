"""Labs in the browser and the API: listed beside problems, graded by the same lab services as
`prep submit`. Git labs are listed with instructions only: their answer is a local repository."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from prep.content.catalog import Catalog, Lab
from prep.content.lab_models import LAB_KINDS, LabKind
from prep.judge.history import problem_statuses, record_submission
from prep.judge.history import submission_page as submissions_of
from prep.labs.workspace import grade_answer
from prep.web.api import (
    DEFAULT_LIMIT,
    CodeIn,
    Cursor,
    Limit,
    Page,
    Services,
    SubmissionDetail,
    Who,
    get_submission,
    judgement_out,
    paginate,
)
from prep.web.pages import _form, _render, _viewer, code_problem
from prep.web.problems import ApiError, problem_responses
from prep.web.services import services

api_router = APIRouter(
    prefix="/api/v1", responses=problem_responses(400, 401, 404, 413, 415, 422), tags=["labs"]
)
page_router = APIRouter(include_in_schema=False)


class LabOut(BaseModel):
    slug: str
    kind: str
    title: str
    difficulty: str
    topics: list[str]
    status: str
    #: The file a submission holds; null for git labs, which are judged from a local repository.
    answer_file: str | None


class LabDetail(LabOut):
    task_markdown: str
    starter: dict[str, str]


def lab_out(lab: Lab, status: str) -> LabOut:
    return LabOut(
        slug=lab.slug,
        kind=lab.kind,
        title=lab.spec.title,
        difficulty=lab.spec.difficulty,
        topics=list(lab.spec.topics),
        status=status,
        answer_file=lab.spec.answer_file,
    )


def _lab(catalog: Catalog, slug: str) -> Lab:
    found = catalog.labs.get(slug)
    if found is None:
        raise ApiError(404, f"no lab {slug!r}", field="slug")
    return found


def _file_lab(catalog: Catalog, slug: str) -> Lab:
    found = _lab(catalog, slug)
    if found.spec.answer_file is None:
        raise ApiError(
            409,
            f"{slug} is a git lab: prepare it with `prep lab {slug}` and judge it with "
            f"`prep submit {slug}` on your machine",
            field="slug",
        )
    return found


# --- API ---------------------------------------------------------------------------------------


@api_router.get("/labs", response_model=Page[LabOut])
def list_labs(
    svc: Services,
    who: Who,
    kind: LabKind | None = None,
    topic: Annotated[str | None, Query(max_length=100)] = None,
    status: Literal["solved", "attempted", "new"] | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[LabOut]:
    if topic is not None and topic not in svc.catalog.topics:
        raise ApiError(404, f"no topic {topic!r}", field="topic")
    statuses = problem_statuses(svc.db, who.user_id)
    chosen = [
        lab_out(lab, statuses.get(lab.slug, "new"))
        for lab in svc.catalog.labs.values()
        if kind in (None, lab.kind)
        and topic in (None, *lab.spec.topics)
        and status in (None, statuses.get(lab.slug, "new"))
    ]
    page, next_cursor = paginate(chosen, lambda lab: lab.slug, cursor, limit)
    return Page[LabOut](items=page, next_cursor=next_cursor)


@api_router.get("/labs/{slug}", response_model=LabDetail)
def get_lab(slug: str, svc: Services, who: Who) -> LabDetail:
    found = _lab(svc.catalog, slug)
    status = problem_statuses(svc.db, who.user_id).get(slug, "new")
    return LabDetail(
        **lab_out(found, status).model_dump(),
        task_markdown=found.task,
        starter=dict(found.starter),
    )


@api_router.post(
    "/labs/{slug}/submissions",
    response_model=SubmissionDetail,
    status_code=201,
    responses=problem_responses(409),
)
async def submit_lab(slug: str, body: CodeIn, svc: Services, who: Who) -> SubmissionDetail:
    """Judge the answer file's text (git labs are judged locally: 409); the verdict is stored."""
    found = _file_lab(svc.catalog, slug)
    async with svc.judge_slots:
        judgement = await run_in_threadpool(grade_answer, found, body.code, svc.judge)
    submission_id = record_submission(svc.db, who.user_id, slug, body.code, judgement)
    return get_submission(submission_id, svc, who)


# --- pages -------------------------------------------------------------------------------------


@page_router.get("/labs", response_class=HTMLResponse)
def labs_page(request: Request, kind: str | None = None) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    statuses = problem_statuses(svc.db, viewer.user_id)
    rows = sorted(
        (
            (lab, statuses.get(lab.slug, "new"))
            for lab in svc.catalog.labs.values()
            if not kind or lab.kind == kind
        ),
        key=lambda row: (LAB_KINDS.index(row[0].kind), row[0].slug),
    )
    return _render(
        request,
        "labs.html",
        viewer,
        rows=rows,
        kinds=LAB_KINDS,
        chosen=kind or "",
        solved=sum(1 for lab in svc.catalog.labs if statuses.get(lab) == "solved"),
        total=len(svc.catalog.labs),
    )


def _lab_page(
    request: Request,
    lab: Lab,
    answer: str,
    *,
    verdict: object = None,
    submission_id: int | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    viewer = _viewer(request)
    svc = services(request)
    history = submissions_of(svc.db, viewer.user_id, problem=lab.slug, before_id=None, limit=5)
    return _render(
        request,
        "lab.html",
        viewer,
        status_code,
        lab=lab,
        answer=answer,
        verdict=verdict,
        submission_id=submission_id,
        history=history,
        error=error,
        topics=[svc.catalog.topics[t] for t in lab.spec.topics if t in svc.catalog.topics],
    )


@page_router.get("/labs/{slug}", response_class=HTMLResponse)
def lab_page(slug: str, request: Request) -> Response:
    from prep.judge.history import submission_detail

    viewer = _viewer(request)
    svc = services(request)
    found = _lab(svc.catalog, slug)
    answer = found.starter.get(found.spec.answer_file or "", "")
    latest = submissions_of(svc.db, viewer.user_id, problem=slug, before_id=None, limit=1)
    if latest and found.spec.answer_file is not None:
        stored = submission_detail(svc.db, viewer.user_id, latest[0].id)
        if stored is not None:
            answer = stored[1]
    return _lab_page(request, found, answer)


@page_router.post("/labs/{slug}", response_class=HTMLResponse)
async def lab_submit(slug: str, request: Request) -> Response:
    viewer = _viewer(request)
    svc = services(request)
    found = _file_lab(svc.catalog, slug)
    form = await _form(request, viewer)
    answer = form.get("code", "").replace("\r\n", "\n")
    if (error := code_problem(answer, "answer")) is not None:
        return _lab_page(request, found, answer, error=error, status_code=422)
    async with svc.judge_slots:
        judgement = await run_in_threadpool(grade_answer, found, answer, svc.judge)
    submission_id = record_submission(svc.db, viewer.user_id, slug, answer, judgement)
    return _lab_page(
        request, found, answer, verdict=judgement_out(judgement), submission_id=submission_id
    )
