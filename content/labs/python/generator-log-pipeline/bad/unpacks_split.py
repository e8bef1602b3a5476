from collections.abc import Iterable, Iterator
from itertools import islice
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
        try:
            ts, level, service, message = line.split()
        except ValueError:
            continue  # malformed line
        if level in _RANK:
            yield Record(ts, level, service, message)


def at_least(records: Iterable[Record], level: str) -> Iterator[Record]:
    """The records whose level is `level` or higher."""
    threshold = _RANK[level]
    return (record for record in records if _RANK[record.level] >= threshold)


def batched(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    """Lists of `size` records; the last may be shorter, none is empty."""
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def pipeline(lines: Iterable[str], level: str, size: int) -> Iterator[list[Record]]:
    """parse -> at_least -> batched, lazily."""
    return batched(at_least(parse(lines), level), size)
