from flask import Blueprint, Flask

books = Blueprint("books", __name__, url_prefix="/api/v1/books")

# TODO: the routes (see task.md), keeping the books of each app in app.extensions["book_store"]


def create_app() -> Flask:
    raise NotImplementedError
