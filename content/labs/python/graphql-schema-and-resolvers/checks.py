import copy

from graphql import ExecutionResult, graphql_sync

AUTHORS = {
    "a1": "Ursula K. Le Guin",
    "a2": "Terry Pratchett",
    "a3": "Octavia E. Butler",
    "a4": "Italo Calvino",
}

BOOKS = [
    ("b1", "A Wizard of Earthsea", 1968, "a1"),
    ("b2", "The Left Hand of Darkness", 1969, "a1"),
    ("b3", "Guards! Guards!", 1989, "a2"),
    ("b4", "Kindred", 1979, "a3"),
    ("b5", "Small Gods", 1992, "a2"),
    ("b6", "The Dispossessed", 1974, "a1"),
    ("b7", "Parable of the Sower", 1993, "a3"),
    ("b8", "Mort", 1987, "a2"),
    ("b9", "Invisible Cities", 1972, "a4"),
    ("b10", "Night Watch", 2002, "a2"),
    ("b11", "Bloodchild", 1995, "a3"),
    ("b12", "The Lathe of Heaven", 1971, "a1"),
]

AUTHOR_SOURCE = ("get_author", "get_authors")


class FakeStore:
    """The data source the task describes. It records every call, so the checks can count the
    round trips a real database or service would have paid for."""

    def __init__(self, extra_books=()):
        self.authors = {key: {"id": key, "name": name} for key, name in AUTHORS.items()}
        self.books = [
            {"id": key, "title": title, "year": year, "author_id": author}
            for key, title, year, author in [*BOOKS, *extra_books]
        ]
        self.calls = []

    def get_book(self, book_id):
        self.calls.append(("get_book", book_id))
        for book in self.books:
            if book["id"] == book_id:
                return dict(book)
        return None

    def list_books(self, author_id=None):
        self.calls.append(("list_books", author_id))
        return [dict(b) for b in self.books if author_id is None or b["author_id"] == author_id]

    def get_author(self, author_id):
        self.calls.append(("get_author", author_id))
        author = self.authors.get(author_id)
        return dict(author) if author else None

    def get_authors(self, author_ids):
        ids = list(author_ids)
        self.calls.append(("get_authors", ids))
        return {key: dict(self.authors[key]) for key in ids if key in self.authors}

    def add_book(self, title, author_id, year):
        self.calls.append(("add_book", title, author_id, year))
        book = {"id": f"b{len(self.books) + 1}", "title": title, "year": year}
        book["author_id"] = author_id
        self.books.append(book)
        return dict(book)

    def author_calls(self):
        return [call for call in self.calls if call[0] in AUTHOR_SOURCE]


def describe_calls(calls):
    return ", ".join(f"{name}({args!r})" for name, args in calls) or "none"


def run(solution, store, query, variables=None, schema=None):
    schema = schema if schema is not None else solution.make_schema()
    result = solution.execute(schema, store, query, copy.deepcopy(variables))
    assert isinstance(result, ExecutionResult), (
        f"execute returned a {type(result).__name__}; return the ExecutionResult of graphql_sync"
    )
    errors = [{"message": e.message, "path": e.path} for e in result.errors or []]
    return {"data": result.data, "errors": errors}


def ok(solution, store, query, variables=None, schema=None):
    result = run(solution, store, query, variables, schema)
    assert not result["errors"], f"{' '.join(query.split())} failed: {result['errors']}"
    return result["data"]


def check_query_arguments(solution):
    store = FakeStore()
    by_variable = "query One($id: ID!) { book(id: $id) { title } }"
    return [
        ok(solution, store, '{ book(id: "b3") { id title year } }'),
        ok(solution, store, by_variable, {"id": "b99"}),
        ok(solution, store, "{ books(first: 2) { id } }"),
        ok(solution, store, '{ books(authorId: "a2") { title } }'),
        ok(solution, store, '{ books(authorId: "a4", first: 5) { title year } }'),
        ok(solution, store, "{ books { id } }"),
    ]


def check_nested_author(solution):
    store = FakeStore()
    return [
        ok(solution, store, "{ books(first: 4) { title author { id name } } }"),
        ok(solution, store, '{ book(id: "b9") { title author { name } } }'),
    ]


def check_batches_author_lookups(solution):
    store = FakeStore()
    data = ok(solution, store, "{ books(first: 6) { title author { name } } }")
    calls = store.author_calls()
    assert calls, (
        "6 books came back with their authors without any call to the author source: a cache "
        "that outlived an earlier request answered them"
    )
    assert len(calls) == 1, (
        f"listing 6 books by 3 authors made {len(calls)} calls to the author source "
        f"({describe_calls(calls)}); one get_authors call should fetch them all"
    )
    name, ids = calls[0]
    assert name == "get_authors", f"the one author lookup was {name}, not a batched get_authors"
    assert len(ids) == len(set(ids)), f"get_authors was asked for {ids}: ask for each id once"
    store = FakeStore(extra_books=[("b13", "The Baron in the Trees", 1957, "a4")])
    twice = ok(
        solution,
        store,
        '{ first: book(id: "b9") { author { name } } again: book(id: "b13") { author { name } } }',
    )
    again = store.author_calls()
    assert len(again) == 1, (
        f"two books by the same author in one request made {len(again)} author lookups "
        f"({describe_calls(again)}): an author loaded once in a request is not fetched again"
    )
    return [data, sorted(ids), twice]


def check_fetches_only_what_is_asked(solution):
    store = FakeStore()
    titles = ok(solution, store, "{ books { title } }")
    one = ok(solution, store, '{ book(id: "b4") { title year } }')
    calls = store.author_calls()
    assert not calls, (
        f"no query asked for an author, yet the author source was called: {describe_calls(calls)}"
    )
    return [titles, one]


def check_cache_is_per_request(solution):
    schema = solution.make_schema()
    store = FakeStore()
    query = '{ book(id: "b1") { author { name } } }'
    before = ok(solution, store, query, schema=schema)
    store.authors["a1"]["name"] = "Ursula Le Guin"
    after = ok(solution, store, query, schema=schema)
    assert after["book"]["author"]["name"] == "Ursula Le Guin", (
        "an author renamed between two requests kept its old name in the second one: the "
        "loader's cache outlived the request"
    )
    other = FakeStore()
    other.authors["a1"]["name"] = "Another Store's Author"
    elsewhere = ok(solution, other, query, schema=schema)
    assert len(store.author_calls()) == 2, "each request should make its own author lookup"
    return [before, after, elsewhere]


ADD = (
    "mutation Add($input: AddBookInput!) "
    "{ addBook(input: $input) { id title year author { name } } }"
)


def check_add_book(solution):
    store = FakeStore()
    added = ok(
        solution, store, ADD, {"input": {"title": "  Equal Rites ", "authorId": "a2", "year": 1987}}
    )
    saved = [c for c in store.calls if c[0] == "add_book"]
    assert len(saved) == 1, f"one addBook called store.add_book {len(saved)} times"
    listed = ok(solution, store, '{ books(authorId: "a2", first: 50) { id title } }')
    return [added, list(saved[0]), listed]


def check_mutation_errors(solution):
    store = FakeStore()
    results = [
        run(solution, store, ADD, {"input": {"title": "   ", "authorId": "a1", "year": 2001}}),
        run(solution, store, ADD, {"input": {"title": "Lost", "authorId": "a9", "year": 2001}}),
        run(
            solution,
            store,
            'mutation { addBook(input: {title: "X", authorId: "a1", year: "1987"}) { id } }',
        ),
        run(solution, store, 'mutation { addBook(input: {title: "X", year: 1987}) { id } }'),
    ]
    saved = [c for c in store.calls if c[0] == "add_book"]
    assert not saved, f"invalid input still reached the store: {saved}"
    for result in results:
        assert result["errors"], f"invalid input gave no error: data {result['data']}"
    for result, message in zip(
        results[:2], ["title must not be blank", "unknown author: a9"], strict=True
    ):
        expected = [{"message": message, "path": ["addBook"]}]
        assert result["errors"] == expected, (
            f"expected the errors {expected}, got {result['errors']}"
        )
    return results


def check_argument_errors(solution):
    store = FakeStore()
    results = []
    for first in (0, 51):
        result = run(solution, store, f"{{ books(first: {first}) {{ id }} }}")
        expected = [{"message": "first must be between 1 and 50", "path": ["books"]}]
        assert result["errors"] == expected, (
            f"books(first: {first}) should give the errors {expected}, got {result['errors']}"
        )
        results.append(result)
    for query in ("{ book { title } }", "{ book(id: null) { title } }"):
        store.calls.clear()
        result = run(solution, store, query)
        assert result["errors"] and not store.calls, (
            f"{query} should be rejected by validation, before any resolver runs, because the id "
            f"is required; it returned data {result['data']} and errors {result['errors']} after "
            f"calling the store {len(store.calls)} times"
        )
        results.append(result)
    return results


def check_error_paths(solution):
    store = FakeStore(extra_books=[("b13", "Orphan", 2000, "a9")])
    one = run(solution, store, '{ book(id: "b13") { title author { name } } }')
    assert one["errors"], f"a book whose author does not exist gave no error: {one['data']}"
    listed = run(solution, store, "{ books(first: 50) { id author { name } } }")
    return [one, listed]


INTROSPECT = """
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
query Shape($name: String!) {
  __type(name: $name) {
    kind
    fields { name type { ...T } args { name defaultValue type { ...T } } }
    inputFields { name defaultValue type { ...T } }
  }
}
"""

EXPECTED_SHAPE = {
    "Query": [
        "book(id: ID!): Book",
        "books(authorId: ID, first: Int = 10): [Book!]!",
    ],
    "Mutation": ["addBook(input: AddBookInput!): Book!"],
    "Book": ["author: Author!", "id: ID!", "title: String!", "year: Int!"],
    "Author": ["id: ID!", "name: String!"],
    "AddBookInput": ["authorId: ID!", "title: String!", "year: Int!"],
}


def type_text(ref):
    if ref is None:
        return "?"
    if ref["kind"] == "NON_NULL":
        return type_text(ref["ofType"]) + "!"
    if ref["kind"] == "LIST":
        return "[" + type_text(ref["ofType"]) + "]"
    return ref["name"]


def value_text(name, ref, default):
    text = f"{name}: {type_text(ref)}"
    return text if default is None else f"{text} = {default}"


def shape(schema, name):
    result = graphql_sync(schema, INTROSPECT, variable_values={"name": name})
    assert not result.errors, f"introspecting {name} failed: {result.errors}"
    found = result.data["__type"]
    assert found is not None, f"the schema has no type named {name}"
    lines = []
    for item in found["fields"] or []:
        args = ", ".join(value_text(a["name"], a["type"], a["defaultValue"]) for a in item["args"])
        lines.append(f"{item['name']}{f'({args})' if args else ''}: {type_text(item['type'])}")
    for item in found["inputFields"] or []:
        lines.append(value_text(item["name"], item["type"], item["defaultValue"]))
    return sorted(lines)


def check_introspection(solution):
    schema = solution.make_schema()
    shapes = {}
    for name, expected in EXPECTED_SHAPE.items():
        shapes[name] = shape(schema, name)
        missing = [line for line in expected if line not in shapes[name]]
        assert not missing, f"{name} should have {missing}; introspection shows {shapes[name]}"
    return EXPECTED_SHAPE
