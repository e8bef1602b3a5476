from collections.abc import Iterable, Iterator
from typing import NamedTuple


class Record(NamedTuple):
    ts: str
    level: str
    service: str
    message: str


LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")  # lowest to highest


def parse(lines: Iterable[str]) -> Iterator[Record]:
    """One Record per well-formed line; malformed lines are skipped."""
    raise NotImplementedError


def at_least(records: Iterable[Record], level: str) -> Iterator[Record]:
    """The records whose level is `level` or higher."""
    raise NotImplementedError


def batched(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    """Lists of `size` records; the last may be shorter, none is empty."""
    raise NotImplementedError


def pipeline(lines: Iterable[str], level: str, size: int) -> Iterator[list[Record]]:
    """parse -> at_least -> batched, lazily."""
    raise NotImplementedError
