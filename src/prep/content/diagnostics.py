"""Content problems reported as values: which file, which item, which field, and what is wrong.

A content author fixes a file faster from "cards/core-python/x.yaml: card gen-lazy: field
output: ..." than from a traceback, and sees every problem in one run instead of one per run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from prep.content.models import CARD_KINDS


@dataclass(frozen=True)
class Diagnostic:
    path: str
    item: str | None
    field: str | None
    message: str

    def __lt__(self, other: Diagnostic) -> bool:
        """Reports are sorted by file, then item; a missing item or field sorts first."""
        return self._key() < other._key()

    def _key(self) -> tuple[str, str, str, str]:
        return (self.path, self.item or "", self.field or "", self.message)

    def __str__(self) -> str:
        where = [self.path]
        if self.item:
            where.append(self.item)
        if self.field:
            where.append(f"field {self.field}")
        return f"{': '.join(where)}: {self.message}"


class ContentError(Exception):
    """Raised when content that a command needs is invalid; carries every diagnostic found."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def field_path(loc: Iterable[int | str]) -> str:
    """Render a pydantic error location as `cards[2].options[0].text`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def from_validation_error(
    error: ValidationError,
    *,
    path: str,
    item: str | None = None,
    prefix: tuple[int | str, ...] = (),
) -> list[Diagnostic]:
    """One diagnostic per pydantic error, with the offending field spelled out."""
    out = []
    for err in error.errors(include_url=False):
        loc = _without_union_tag(err["loc"])
        if err["type"] in {"union_tag_invalid", "union_tag_not_found"}:
            loc = (*loc, "kind")
        out.append(Diagnostic(path, item, field_path(prefix + loc) or None, _message(err)))
    return out


def _without_union_tag(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    # A discriminated union puts the tag ("recall", "choice", ...) first in the location: noise.
    if loc and loc[0] in CARD_KINDS:
        return loc[1:]
    return loc


def _message(err: ErrorDetails) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; unknown fields are not allowed)"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_type" and isinstance(err.get("input"), dict):
        return "expected text, but YAML read a mapping: quote text that contains ': '"
    return err["msg"]


def first_problem(exc: ValidationError) -> str:
    """The first validation error as 'field.path: message', for one-line user messages."""
    error = exc.errors(include_url=False)[0]
    return f"{field_path(error['loc']) or '(top level)'}: {error['msg']}"
