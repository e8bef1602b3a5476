"""A small library API in GraphQL: the schema is written first (SDL), resolvers are attached to
the built schema, and a per-request loader batches the author lookups of a list of books."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    ExecutionResult,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    build_schema,
    graphql_sync,
)

SDL = """
type Author {
  id: ID!
  name: String!
}

type Book {
  id: ID!
  title: String!
  year: Int!
  author: Author!
}

input AddBookInput {
  title: String!
  authorId: ID!
  year: Int!
}

type Query {
  "One book, or null when there is no book with that id."
  book(id: ID!): Book
  "Books in the store's order, optionally by one author, at most `first` of them."
  books(authorId: ID, first: Int = 10): [Book!]!
}

type Mutation {
  addBook(input: AddBookInput!): Book!
}
"""

MAX_FIRST = 50

Row = dict[str, Any]


class AuthorLoader:
    """Remembers which author ids the request will need and fetches all of them in one call the
    first time one is asked for. One loader per request: its cache must not outlive it."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self._cache: dict[str, Row | None] = {}
        self._wanted: set[str] = set()

    def want(self, author_ids: Iterable[str]) -> None:
        missing = sorted({i for i in author_ids if i not in self._cache})
        if missing:
            found = self._store.get_authors(missing)
            for key in missing:
                self._cache[key] = found.get(key)

    def load(self, author_id: str) -> Row | None:
        if author_id not in self._cache:
            batch = sorted(self._wanted | {author_id})
            found = self._store.get_authors(batch)
            for key in batch:
                self._cache[key] = found.get(key)
            self._wanted.clear()
        return self._cache[author_id]


@dataclass
class Context:
    store: Any
    authors: AuthorLoader = field(init=False)

    def __post_init__(self) -> None:
        self.authors = AuthorLoader(self.store)


def _book(_root: None, info: GraphQLResolveInfo, id: str) -> Row | None:
    context: Context = info.context
    book: Row | None = context.store.get_book(id)
    if book is not None:
        context.authors.want([book["author_id"]])
    return book


def _books(_root: None, info: GraphQLResolveInfo, first: int, **args: Any) -> list[Row]:
    if not 1 <= first <= MAX_FIRST:
        raise ValueError(f"first must be between 1 and {MAX_FIRST}")
    context: Context = info.context
    books: list[Row] = context.store.list_books(args.get("authorId"))[:first]
    context.authors.want(book["author_id"] for book in books)
    return books


def _author(book: Row, info: GraphQLResolveInfo) -> Row:
    context: Context = info.context
    author = context.authors.load(book["author_id"])
    if author is None:
        raise LookupError(f"author {book['author_id']} not found")
    return author


def _add_book(_root: None, info: GraphQLResolveInfo, input: Row) -> Row:
    context: Context = info.context
    title = input["title"].strip()
    if not title:
        raise ValueError("title must not be blank")
    author_id = input["authorId"]
    if context.authors.load(author_id) is None:
        raise ValueError(f"unknown author: {author_id}")
    book: Row = context.store.add_book(title, author_id, input["year"])
    return book


RESOLVERS: dict[tuple[str, str], Callable[..., Any]] = {
    ("Query", "book"): _book,
    ("Query", "books"): _books,
    ("Book", "author"): _author,
    ("Mutation", "addBook"): _add_book,
}


def make_schema() -> GraphQLSchema:
    schema = build_schema(SDL)
    for (type_name, field_name), resolve in RESOLVERS.items():
        owner = schema.type_map[type_name]
        assert isinstance(owner, GraphQLObjectType)
        owner.fields[field_name].resolve = resolve
    return schema


def execute(
    schema: GraphQLSchema, store: Any, query: str, variables: dict[str, Any] | None = None
) -> ExecutionResult:
    return graphql_sync(schema, query, context_value=Context(store), variable_values=variables)
