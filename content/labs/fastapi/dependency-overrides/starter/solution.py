"""Notes behind a service layer; each request gets one transaction from a yield dependency."""

from collections.abc import Iterator
from typing import Annotated, Protocol

from fastapi import Depends, FastAPI
from pydantic import BaseModel, Field


class Note(BaseModel):
    slug: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    title: str = Field(min_length=1, max_length=100)
    body: str = Field(default="", max_length=2000)


class NoteExists(Exception):
    """A note with this slug is already stored."""


class NoteNotFound(Exception):
    """No note has this slug."""


class Connection(Protocol):
    """One transaction: writes become visible to other connections only on commit()."""

    def get(self, key: str) -> dict[str, str] | None: ...
    def put(self, key: str, value: dict[str, str]) -> None: ...
    def delete(self, key: str) -> bool: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


class Database(Protocol):
    def connect(self) -> Connection: ...


class InMemoryDatabase:
    """The production stand-in: a dict, with per-connection staged writes."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, str]] = {}

    def connect(self) -> "InMemoryConnection":
        return InMemoryConnection(self.data)


class InMemoryConnection:
    def __init__(self, data: dict[str, dict[str, str]]) -> None:
        self._data = data
        self._staged: dict[str, dict[str, str] | None] = {}  # None marks a deletion

    def get(self, key: str) -> dict[str, str] | None:
        return self._staged[key] if key in self._staged else self._data.get(key)

    def put(self, key: str, value: dict[str, str]) -> None:
        self._staged[key] = dict(value)

    def delete(self, key: str) -> bool:
        existed = self.get(key) is not None
        self._staged[key] = None
        return existed

    def commit(self) -> None:
        for key, value in self._staged.items():
            if value is None:
                self._data.pop(key, None)
            else:
                self._data[key] = value
        self._staged.clear()

    def rollback(self) -> None:
        self._staged.clear()

    def close(self) -> None:
        self._staged.clear()


DATABASE = InMemoryDatabase()


def get_database() -> Database:
    """The app's database; tests replace it through app.dependency_overrides."""
    return DATABASE


class NoteRepository:
    """Notes stored under "note:<slug>" keys of one connection."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def get(self, slug: str) -> Note | None:
        value = self._connection.get(f"note:{slug}")
        return None if value is None else Note.model_validate(value)

    def add(self, note: Note) -> None:
        self._connection.put(f"note:{note.slug}", note.model_dump())

    def remove(self, slug: str) -> bool:
        return self._connection.delete(f"note:{slug}")


def get_repository(
    database: Annotated[Database, Depends(get_database)],
) -> Iterator[NoteRepository]:
    """A dependency with yield: one connection per request, handed to a NoteRepository."""
    raise NotImplementedError


class NoteService:
    """The rules; it knows nothing about HTTP, and raises NoteExists / NoteNotFound."""

    def __init__(self, notes: NoteRepository) -> None:
        self._notes = notes

    def create(self, note: Note) -> Note:
        raise NotImplementedError

    def create_many(self, notes: list[Note]) -> list[Note]:
        raise NotImplementedError

    def get(self, slug: str) -> Note:
        raise NotImplementedError

    def delete(self, slug: str) -> None:
        raise NotImplementedError


def get_service(notes: Annotated[NoteRepository, Depends(get_repository)]) -> NoteService:
    return NoteService(notes)


app = FastAPI(title="Notes")

# The endpoints: POST /notes, POST /notes/batch, GET /notes/{slug}, DELETE /notes/{slug}.
