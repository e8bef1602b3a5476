"""Report generation: accept the request at once, render in the background, poll for status."""

import logging
import time
import uuid
from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException, Response, status
from pydantic import BaseModel, Field

Renderer = Callable[[str], str]
logger = logging.getLogger(__name__)


def render_report(name: str) -> str:
    """The slow part: blocking I/O and CPU, so it must never run on the event loop."""
    time.sleep(0.05)
    return f"report {name}: 42 rows"


def get_renderer() -> Renderer:
    return render_report


class ReportRequest(BaseModel):
    name: str = Field(min_length=1, max_length=100)


class ReportStatus(BaseModel):
    id: str
    name: str
    status: Literal["pending", "done", "failed"]
    result: str | None = None
    error: str | None = None


app = FastAPI(title="Reports")
_reports: dict[str, ReportStatus] = {}


def _render_in_background(report_id: str, render: Renderer) -> None:
    """A plain `def`, so Starlette runs it in its thread pool after the response is sent."""
    report = _reports[report_id]
    try:
        result = render(report.name)
    except Exception:
        # The response is long gone: record the failure for the poller, keep details in the log.
        logger.exception("rendering report %s failed", report_id)
        _reports[report_id] = report.model_copy(
            update={"status": "failed", "error": "report rendering failed"}
        )
    else:
        _reports[report_id] = report.model_copy(update={"status": "done", "result": result})


@app.post("/reports", status_code=status.HTTP_202_ACCEPTED)
async def create_report(
    body: ReportRequest,
    background_tasks: BackgroundTasks,
    response: Response,
    render: Annotated[Renderer, Depends(get_renderer)],
) -> ReportStatus:
    report = ReportStatus(id=uuid.uuid4().hex, name=body.name, status="pending")
    _reports[report.id] = report
    _render_in_background(report.id, render)
    report = _reports[report.id]
    response.headers["Location"] = app.url_path_for("read_report", report_id=report.id)
    return report


@app.get("/reports/{report_id}")
async def read_report(report_id: str) -> ReportStatus:
    report = _reports.get(report_id)
    if report is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no report {report_id!r}")
    return report
