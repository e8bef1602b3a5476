from dataclasses import asdict, dataclass, field
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, request, url_for

books = Blueprint("books", __name__, url_prefix="/api/v1/books")


@dataclass
class Book:
    id: int
    title: str
    author: str


@dataclass
class BookStore:
    books: dict[int, Book] = field(default_factory=dict)
    last_id: int = 0

    def add(self, title: str, author: str) -> Book:
        self.last_id += 1
        book = Book(self.last_id, title, author)
        self.books[book.id] = book
        return book


def _store() -> BookStore:
    store: BookStore = current_app.extensions["book_store"]
    return store


def _book_or_404(book_id: int) -> Book:
    book = _store().books.get(book_id)
    if book is None:
        abort(404)
    return book


def _fields_from_body() -> tuple[str, str]:
    """The title and author of a JSON body, or a 400."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, description="send a JSON object")
    title, author = data.get("title"), data.get("author")
    if not (
        isinstance(title, str) and title.strip() and isinstance(author, str) and author.strip()
    ):
        abort(400, description="title and author are required strings")
    return title.strip(), author.strip()


@books.get("")
def list_books() -> list[dict[str, Any]]:
    author = request.args.get("author", "").strip().casefold()
    found = sorted(_store().books.values(), key=lambda b: b.id)
    if author:
        found = [b for b in found if b.author.casefold() == author]
    return [asdict(b) for b in found]


@books.post("")
def create_book() -> tuple[dict[str, Any], int, dict[str, str]]:
    book = _store().add(*_fields_from_body())
    return asdict(book), 201, {"Location": url_for(".get_book", book_id=book.id)}


@books.get("/<int:book_id>")
def get_book(book_id: int) -> dict[str, Any]:
    return asdict(_book_or_404(book_id))


@books.put("/<int:book_id>")
def replace_book(book_id: int) -> dict[str, Any]:
    book = _book_or_404(book_id)
    book.title, book.author = _fields_from_body()
    return asdict(book)


@books.delete("/<int:book_id>")
def delete_book(book_id: int) -> Response:
    _book_or_404(book_id)
    del _store().books[book_id]
    return Response(status=204)


def create_app() -> Flask:
    app = Flask(__name__)
    app.extensions["book_store"] = BookStore()
    app.register_blueprint(books)
    return app
