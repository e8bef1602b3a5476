"""Report generation: accept the request at once, render in the background, poll for status."""

import time
from collections.abc import Callable
from typing import Literal

from fastapi import FastAPI
from pydantic import BaseModel, Field

Renderer = Callable[[str], str]


def render_report(name: str) -> str:
    """The slow part: blocking I/O and CPU, so it must never run on the event loop."""
    time.sleep(0.05)
    return f"report {name}: 42 rows"


def get_renderer() -> Renderer:
    """The dependency that provides the renderer (tests override it)."""
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


@app.post("/reports", status_code=202)
async def create_report(body: ReportRequest) -> ReportStatus:
    raise NotImplementedError


@app.get("/reports/{report_id}")
async def read_report(report_id: str) -> ReportStatus:
    raise NotImplementedError
