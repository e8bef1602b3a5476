from collections.abc import Iterable, Iterator
from typing import NamedTuple


class Record(NamedTuple):
    ts: str
    level: str
    service: str
    message: str


LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")  # lowest to highest
_RANK = {level: rank for rank, level in enumerate(LEVELS)}


def parse(lines: Iterable[str]) -> Iterator[Record]:
    """One Record per well-formed line; malformed lines are skipped."""
    for line in lines:
        parts = line.rstrip().split(maxsplit=3)
        if len(parts) == 4 and parts[1] in _RANK:
            yield Record(*parts)


def at_least(records: Iterable[Record], level: str) -> Iterator[Record]:
    """The records whose level is `level` or higher."""
    threshold = _RANK[level]
    return (record for record in records if _RANK[record.level] >= threshold)


def batched(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    """Lists of `size` records; the last may be shorter, none is empty."""
    batch: list[Record] = []
    for record in records:
        if len(batch) == size:
            yield batch
            batch = []
        batch.append(record)
    if batch:
        yield batch


def pipeline(lines: Iterable[str], level: str, size: int) -> Iterator[list[Record]]:
    """parse -> at_least -> batched, lazily."""
    return batched(at_least(parse(lines), level), size)
