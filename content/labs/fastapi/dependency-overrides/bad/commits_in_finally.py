"""Notes behind a service layer; each request gets one transaction from a yield dependency."""

from collections.abc import Iterator
from typing import Annotated, Protocol

from fastapi import Depends, FastAPI, Request, Response, status
from fastapi.responses import JSONResponse
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
    """One connection per request: commit when the request succeeded, roll back when anything
    raised (an HTTP error included), close in every case."""
    connection = database.connect()
    try:
        yield NoteRepository(connection)
    finally:
        connection.commit()
        connection.close()


class NoteService:
    """The rules; it knows nothing about HTTP, and raises NoteExists / NoteNotFound."""

    def __init__(self, notes: NoteRepository) -> None:
        self._notes = notes

    def create(self, note: Note) -> Note:
        if self._notes.get(note.slug) is not None:
            raise NoteExists(note.slug)
        self._notes.add(note)
        return note

    def create_many(self, notes: list[Note]) -> list[Note]:
        # All or nothing: a conflict raises, and the request's rollback discards the others.
        return [self.create(note) for note in notes]

    def get(self, slug: str) -> Note:
        note = self._notes.get(slug)
        if note is None:
            raise NoteNotFound(slug)
        return note

    def delete(self, slug: str) -> None:
        if not self._notes.remove(slug):
            raise NoteNotFound(slug)


def get_service(notes: Annotated[NoteRepository, Depends(get_repository)]) -> NoteService:
    return NoteService(notes)


Service = Annotated[NoteService, Depends(get_service)]
app = FastAPI(title="Notes")


@app.exception_handler(NoteExists)
async def _note_exists(request: Request, exc: NoteExists) -> JSONResponse:
    return JSONResponse({"detail": f"note {exc} already exists"}, status.HTTP_409_CONFLICT)


@app.exception_handler(NoteNotFound)
async def _note_not_found(request: Request, exc: NoteNotFound) -> JSONResponse:
    return JSONResponse({"detail": f"no note {exc}"}, status.HTTP_404_NOT_FOUND)


@app.post("/notes", status_code=status.HTTP_201_CREATED)
def create_note(note: Note, service: Service) -> Note:
    return service.create(note)


@app.post("/notes/batch", status_code=status.HTTP_201_CREATED)
def create_notes(notes: list[Note], service: Service) -> list[Note]:
    return service.create_many(notes)


@app.get("/notes/{slug}")
def read_note(slug: str, service: Service) -> Note:
    return service.get(slug)


@app.delete("/notes/{slug}", status_code=status.HTTP_204_NO_CONTENT)
def delete_note(slug: str, service: Service) -> Response:
    service.delete(slug)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
