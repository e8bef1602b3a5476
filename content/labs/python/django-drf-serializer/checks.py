"""Checks for django-drf-serializer: BookSerializer validates payloads and renders books; each
check works in a transaction that is rolled back, on tables made from the provided models."""

import contextlib
import datetime
import traceback

import solution
from django.db import connection, transaction

Author, Book = solution.Author, solution.Book

with connection.schema_editor() as _editor:
    _editor.create_model(Author)
    _editor.create_model(Book)


@contextlib.contextmanager
def _rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"
    ]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


def _world():
    ada = Author.objects.create(name="Ada Writer", email="ada@example.com")
    bo = Author.objects.create(name="Bo Author", email="bo@example.com")
    published = Book.objects.create(
        title="Clean Queries",
        isbn="9780306406157",
        author=ada,
        pages=320,
        status="published",
        published_on=datetime.date(2023, 4, 1),
    )
    draft = Book.objects.create(title="Async Ideas", isbn="9783161484100", author=bo, pages=150)
    return ada, bo, published, draft


def _payload(writer, **changes):
    data = {
        "title": "Testing Web Apps",
        "isbn": "978-0-262-03384-8",
        "pages": 410,
        "status": "draft",
        "author_id": writer.pk,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not ...}


def _judge(what, instance=None, data=None, partial=False, save=True):
    """(valid, the fields with errors, saved book or None); a crash is a finding."""
    try:
        serializer = solution.BookSerializer(instance, data=data, partial=partial)
        valid = serializer.is_valid()
        book = None
        if valid and save:
            with transaction.atomic():
                book = serializer.save()
    except Exception as exc:
        raise AssertionError(f"{what}: the serializer crashed with {_crash(exc)}") from None
    errors = sorted(serializer.errors)
    return valid, errors, book


def _plain(data, author_ids):
    """Rendered data with database ids replaced by stable labels."""
    data = dict(data)
    data.pop("id", None)
    author = data.get("author")
    if isinstance(author, dict):
        author = dict(author)
        author["id"] = author_ids.get(author.get("id"), author.get("id"))
        data["author"] = author
    return data


def check_output_nests_author(solution):
    with _rolled_back():
        ada, bo, published, draft = _world()
        ids = {ada.pk: "<ada>", bo.pk: "<bo>"}
        many = solution.BookSerializer(Book.objects.order_by("title"), many=True).data
        rendered = [_plain(item, ids) for item in many]
        first = solution.BookSerializer(published).data
        assert isinstance(first.get("author"), dict), (
            f"a book's author is rendered as {first.get('author')!r}; expected a nested object"
            " with the author's id and name"
        )
        assert first.get("id") == published.pk, (
            f"the output's id is {first.get('id')!r}, not the book's primary key"
        )
        assert "email" not in str(first.get("author")), (
            "a book's output leaks the author's email address"
        )
        return rendered


def check_creates_from_author_id(solution):
    with _rolled_back():
        ada, bo, published, draft = _world()
        valid, errors, book = _judge("creating a valid book", data=_payload(ada))
        assert valid, f"a valid book was rejected with errors {errors}"
        assert book.author_id == ada.pk, (
            "the created book does not belong to the author named by author_id"
        )
        stored = Book.objects.values("title", "isbn", "pages", "status", "published_on").get(
            pk=book.pk
        )
        rendered = _plain(solution.BookSerializer(book).data, {ada.pk: "<ada>"})
        stored["published_on"] = stored["published_on"] and stored["published_on"].isoformat()
        return {"stored": stored, "rendered": rendered}


def check_read_only_fields_are_ignored(solution):
    with _rolled_back():
        ada, bo, published, draft = _world()
        data = _payload(ada, id=999, author={"id": bo.pk, "name": "Someone Else"})
        valid, errors, book = _judge("a payload with id and author", data=data)
        assert valid, (
            f"id and author in the input should be ignored, but the payload was rejected: {errors}"
        )
        assert book.pk != 999, "the client chose the new book's id: id must be read-only"
        assert book.author_id == ada.pk, (
            "a nested 'author' in the input changed the author; it is output only"
        )
        other = "9781617294136"
        missing = _judge(
            "a payload without author_id", data=_payload(ada, isbn=other, author_id=...), save=False
        )
        unknown = _judge(
            "a payload with an unknown author_id",
            data=_payload(ada, isbn=other, author_id=987654),
            save=False,
        )
        return {"without_author_id": missing[:2], "unknown_author_id": unknown[:2]}


def check_field_errors(solution):
    with _rolled_back():
        ada, *_ = _world()
        cases = {
            "blank_title": {"title": "   "},
            "zero_pages": {"pages": 0},
            "bad_checksum": {"isbn": "978-0-306-40615-8"},
            "too_short": {"isbn": "978030640615"},
            "letters": {"isbn": "978-0-306-4061X-7"},
            "bad_status": {"status": "retired"},
            "two_problems": {"pages": -3, "isbn": "123"},
        }
        result = {}
        for label, changes in cases.items():
            valid, errors, _ = _judge(label, data=_payload(ada, **changes), save=False)
            result[label] = errors
        assert result["bad_checksum"] == ["isbn"], (
            f"an ISBN with a wrong check digit gave errors on {result['bad_checksum']}; expected"
            " one error on 'isbn'"
        )
        return result


def check_isbn_is_normalised(solution):
    with _rolled_back():
        ada, *_ = _world()
        stored = []
        for raw in ("978-0-262-03384-8", " 978 1 491 94600 8 ", "9780132350884"):
            valid, errors, book = _judge(
                f"isbn {raw!r}", data=_payload(ada, isbn=raw, title=raw.strip())
            )
            assert valid, f"the ISBN {raw!r} was rejected: {errors}"
            book.refresh_from_db()
            stored.append(book.isbn)
        return stored


def check_duplicate_isbn_in_any_format(solution):
    with _rolled_back():
        ada, bo, published, draft = _world()
        result = {}
        for raw in ("9780306406157", "978-0-306-40615-7", "978 0306 406157"):
            valid, errors, book = _judge(
                f"a duplicate ISBN written as {raw!r}", data=_payload(ada, isbn=raw)
            )
            assert not valid and "isbn" in errors, (
                f"the ISBN {raw!r} already belongs to another book, but the serializer"
                f" {'accepted it' if valid else 'gave errors ' + str(errors)}; expected an error on 'isbn'"
            )
            result[raw] = errors
        same, errors, _ = _judge(
            "re-saving a book with its own ISBN",
            published,
            {"isbn": "978-0-306-40615-7"},
            partial=True,
        )
        assert same, f"a book's own ISBN counted as a duplicate of itself: {errors}"
        return result


def check_published_needs_a_date(solution):
    with _rolled_back():
        ada, *_ = _world()
        no_date = _judge(
            "published without a date", data=_payload(ada, status="published"), save=False
        )
        assert not no_date[0], "a published book without published_on was accepted"
        dated = _judge(
            "published with a date",
            data=_payload(ada, status="published", published_on="2024-02-29"),
            save=False,
        )
        draft = _judge("a draft without a date", data=_payload(ada), save=False)
        return {"no_date": no_date[:2], "dated": dated[:2], "draft": draft[:2]}


def check_partial_update_uses_instance(solution):
    with _rolled_back():
        ada, bo, published, draft = _world()
        rename = _judge(
            "PATCH {'title'} on a published book",
            published,
            {"title": "Cleaner Queries"},
            partial=True,
        )
        assert rename[0], (
            f"renaming a published book was rejected with {rename[1]}: validate() must use the"
            " instance's published_on when the PATCH does not send it"
        )
        publish = _judge(
            "PATCH {'status': 'published'} on an undated draft",
            draft,
            {"status": "published"},
            partial=True,
            save=False,
        )
        assert not publish[0], (
            "publishing a draft that has no published_on was accepted: on a partial update,"
            " fields not sent keep the instance's values, and that value is None here"
        )
        clear = _judge(
            "PATCH {'published_on': null} on a published book",
            published,
            {"published_on": None},
            partial=True,
            save=False,
        )
        assert not clear[0], (
            "PATCH {'published_on': null} on a published book was accepted: the book would stay"
            " published without a date (the status comes from the instance)"
        )
        dated = _judge(
            "PATCH with status and published_on on a draft",
            draft,
            {"status": "published", "published_on": "2024-06-30"},
            partial=True,
        )
        published.refresh_from_db()
        draft.refresh_from_db()
        return {
            "rename": rename[:2],
            "publish_undated": publish[:2],
            "clear_date": clear[:2],
            "publish_dated": dated[:2],
            "titles": [published.title, draft.title],
            "draft_now": [
                draft.status,
                draft.published_on.isoformat() if draft.published_on else None,
            ],
        }
