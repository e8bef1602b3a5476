"""System-design practice: a structured template, checks on what is missing or thin, a capacity
calculator that shows its arithmetic, and a rubric to self-score against the model design.

Every save is kept as a revision, so a candidate can see a design improve over the weeks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from prep.content.catalog import Catalog, DesignPrompt
from prep.interview.errors import PracticeError
from prep.store.database import Database
from prep.store.models import Design

#: The template, in interview order: (key, heading, what to write).
SECTIONS = (
    ("requirements", "Requirements", "Functional and non-functional, with numbers: users, "
     "traffic, latency, availability, consistency."),
    ("estimates", "Estimates", "Back-of-envelope: QPS (average and peak), storage, bandwidth, "
     "memory for caches. Show the arithmetic."),
    ("api", "API", "The endpoints or messages, with their inputs and outputs."),
    ("data_model", "Data model", "Entities, keys, indexes; which store and why."),
    ("architecture", "Architecture", "Components and the path of a request, read and write."),
    ("scaling", "Scaling", "What grows first and how: replicas, sharding, caching, queues."),
    ("trade_offs", "Trade-offs", "What you chose against what, and why for this system."),
    ("failure_modes", "Failure modes", "What breaks (a node, a region, a dependency) and what "
     "the system does then."),
)  # fmt: skip
SECTION_KEYS = tuple(key for key, _, _ in SECTIONS)
THIN_WORDS = 25


class DesignError(PracticeError):
    pass


class DesignDraft(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    requirements: str = Field("", max_length=20_000)
    estimates: str = Field("", max_length=20_000)
    api: str = Field("", max_length=20_000)
    data_model: str = Field("", max_length=20_000)
    architecture: str = Field("", max_length=20_000)
    scaling: str = Field("", max_length=20_000)
    trade_offs: str = Field("", max_length=20_000)
    failure_modes: str = Field("", max_length=20_000)


@dataclass(frozen=True)
class SavedDesign:
    id: int
    prompt_id: str
    draft: DesignDraft
    problems: tuple[str, ...]
    scores: tuple[int, ...] | None
    created_at: datetime

    @property
    def score(self) -> int | None:
        return sum(self.scores) if self.scores is not None else None


def check_design(draft: DesignDraft) -> tuple[str, ...]:
    """What an interviewer would find missing or thin, section by section."""
    problems = []
    for key, heading, _ in SECTIONS:
        text = getattr(draft, key)
        words = len(text.split())
        if words == 0:
            problems.append(f"{heading} is missing")
        elif words < THIN_WORDS:
            problems.append(f"{heading} is thin ({words} words)")
    if draft.estimates and not re.search(r"\d", draft.estimates):
        problems.append("Estimates has no numbers: size the traffic and the storage")
    if draft.requirements and not re.search(r"\d", draft.requirements):
        problems.append("Requirements has no numbers: how many users, how fast, how available?")
    return tuple(problems)


def parse_markdown(text: str) -> DesignDraft:
    """A design written in a file: text under `## <heading>` goes to that section."""
    by_heading = {heading.lower(): key for key, heading, _ in SECTIONS}
    parts: dict[str, list[str]] = {}
    current: str | None = None
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)  # the template's hints
    for line in text.splitlines():
        match = re.match(r"^##\s+(.+?)\s*$", line)
        if match:
            current = by_heading.get(match.group(1).lower())
            continue
        if current is not None:
            parts.setdefault(current, []).append(line)
    return DesignDraft.model_validate({k: "\n".join(v).strip() for k, v in parts.items()})


def template(prompt: DesignPrompt) -> str:
    lines = [f"# {prompt.meta.title}", "", prompt.meta.prompt.strip(), ""]
    for _, heading, hint in SECTIONS:
        lines += [f"## {heading}", "", f"<!-- {hint} -->", ""]
    return "\n".join(lines)


class DesignPractice:
    def __init__(self, catalog: Catalog, db: Database, user_id: int) -> None:
        self.catalog = catalog
        self.db = db
        self.user_id = user_id

    def prompt(self, prompt_id: str) -> DesignPrompt:
        found = self.catalog.designs.get(prompt_id)
        if found is None:
            raise DesignError(f"no design prompt {prompt_id!r}", "prompt_id", "not_found")
        return found

    def save(self, prompt_id: str, draft: DesignDraft) -> SavedDesign:
        self.prompt(prompt_id)
        with self.db.session() as session:
            row = Design(
                user_id=self.user_id,
                prompt_id=prompt_id,
                sections=json.dumps(draft.model_dump()),
                scores=None,
                created_at=datetime.now(UTC),
            )
            session.add(row)
            session.flush()
            return _saved(row)

    def latest(self, prompt_id: str) -> SavedDesign | None:
        revisions = self.revisions(prompt_id, limit=1)
        return revisions[0] if revisions else None

    def revisions(self, prompt_id: str, *, limit: int = 50) -> list[SavedDesign]:
        with self.db.session() as session:
            rows = session.scalars(
                select(Design)
                .where(Design.user_id == self.user_id, Design.prompt_id == prompt_id)
                .order_by(Design.id.desc())
                .limit(limit)
            )
            return [_saved(r) for r in rows]

    def score(self, prompt_id: str, points: list[int]) -> SavedDesign:
        """Self-score the latest revision against the rubric, one number per criterion."""
        rubric = self.prompt(prompt_id).meta.rubric
        if len(points) != len(rubric):
            raise DesignError(f"give one score per criterion ({len(rubric)})", "scores")
        for item, given in zip(rubric, points, strict=True):
            if not 0 <= given <= item.points:
                raise DesignError(
                    f"'{item.criterion}' scores 0 to {item.points}, not {given}", "scores"
                )
        with self.db.session() as session:
            row = session.scalar(
                select(Design)
                .where(Design.user_id == self.user_id, Design.prompt_id == prompt_id)
                .order_by(Design.id.desc())
                .limit(1)
            )
            if row is None:
                raise DesignError("save a design before scoring it", "prompt_id", "conflict")
            row.scores = json.dumps(points)
            return _saved(row)

    def statuses(self) -> dict[str, SavedDesign]:
        """The latest revision of every prompt the user has started."""
        with self.db.session() as session:
            rows = session.scalars(
                select(Design).where(Design.user_id == self.user_id).order_by(Design.id)
            )
            return {r.prompt_id: _saved(r) for r in rows}


def _saved(row: Design) -> SavedDesign:
    draft = DesignDraft.model_validate(json.loads(row.sections))
    scores = tuple(json.loads(row.scores)) if row.scores else None
    return SavedDesign(row.id, row.prompt_id, draft, check_design(draft), scores, row.created_at)


# --- capacity calculator -----------------------------------------------------------------------


class CapacityInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    daily_active_users: int = Field(ge=1, le=10**10)
    requests_per_user_per_day: float = Field(gt=0, le=10**6)
    write_fraction: float = Field(ge=0, le=1, description="share of requests that write")
    bytes_per_write: int = Field(ge=0, le=10**10, description="stored per write")
    bytes_per_response: int = Field(ge=0, le=10**10)
    retention_days: int = Field(ge=1, le=36_500)
    peak_factor: float = Field(2.0, ge=1, le=100)
    replication: int = Field(3, ge=1, le=10)


@dataclass(frozen=True)
class CapacityEstimate:
    average_qps: float
    peak_qps: float
    write_qps: float
    storage_per_day_bytes: float
    storage_total_bytes: float
    egress_bytes_per_s: float
    steps: tuple[str, ...]  # the arithmetic, one line per number


SECONDS_PER_DAY = 86_400
TIMES = "\N{MULTIPLICATION SIGN}"


def capacity(given: CapacityInput) -> CapacityEstimate:
    requests = given.daily_active_users * given.requests_per_user_per_day
    average = requests / SECONDS_PER_DAY
    peak = average * given.peak_factor
    writes = average * given.write_fraction
    per_day = requests * given.write_fraction * given.bytes_per_write
    total = per_day * given.retention_days * given.replication
    egress = average * given.bytes_per_response
    steps = (
        f"requests/day = {_n(given.daily_active_users)} users {TIMES} "
        f"{_n(given.requests_per_user_per_day)} = {_n(requests)}",
        f"average QPS = {_n(requests)} / 86,400 s = {_n(average)}",
        f"peak QPS = {_n(average)} {TIMES} {_n(given.peak_factor)} = {_n(peak)}",
        f"write QPS = {_n(average)} {TIMES} {_n(given.write_fraction)} = {_n(writes)}",
        f"storage/day = {_n(requests)} {TIMES} {_n(given.write_fraction)} {TIMES} "
        f"{_bytes(given.bytes_per_write)} = {_bytes(per_day)}",
        f"storage total = {_bytes(per_day)} {TIMES} {given.retention_days} days {TIMES} "
        f"{given.replication} copies = {_bytes(total)}",
        f"egress = {_n(average)} QPS {TIMES} {_bytes(given.bytes_per_response)} "
        f"= {_bytes(egress)}/s",
    )
    return CapacityEstimate(average, peak, writes, per_day, total, egress, steps)


def _n(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:,.2f}"


def _bytes(value: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB", "PB"):
        if abs(value) < 1000 or unit == "PB":
            return f"{value:,.1f} {unit}" if unit != "B" else f"{value:,.0f} B"
        value /= 1000
    raise AssertionError("unreachable")
