"""Checks for django-orm-queries: the models live here (trusted); the candidate's functions get
querysets and must answer with lazy, correct querysets in a bounded number of SQL queries."""

import datetime
from decimal import Decimal

import django
from django.conf import settings

if not settings.configured:
    settings.configure(
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "checks"],
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        USE_TZ=True,
        TIME_ZONE="UTC",
    )
    django.setup()

from django.db import connection, models
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext


class Publisher(models.Model):
    name = models.CharField(max_length=100)


class Author(models.Model):
    name = models.CharField(max_length=100)
    country = models.CharField(max_length=2)


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)
    publisher = models.ForeignKey(
        Publisher, related_name="books", null=True, blank=True, on_delete=models.SET_NULL
    )
    published = models.DateField()
    price = models.DecimalField(max_digits=6, decimal_places=2)
    in_print = models.BooleanField(default=True)


class Review(models.Model):
    book = models.ForeignKey(Book, related_name="reviews", on_delete=models.CASCADE)
    rating = models.PositiveSmallIntegerField()


with connection.schema_editor() as editor:
    for model in (Publisher, Author, Book, Review):
        editor.create_model(model)


def _seed():
    penguin = Publisher.objects.create(name="Penguin")
    orbit = Publisher.objects.create(name="Orbit")
    le_guin = Author.objects.create(name="Ursula K. Le Guin", country="US")
    pratchett = Author.objects.create(name="Terry Pratchett", country="GB")
    jemisin = Author.objects.create(name="N. K. Jemisin", country="US")
    Author.objects.create(name="Debut Writer", country="GB")  # no books at all
    books = [
        ("A Wizard of Earthsea", le_guin, penguin, (1968, 9, 1), "8.99", True, [5, 4, 5]),
        ("The Dispossessed", le_guin, penguin, (1974, 5, 1), "10.99", True, [5]),
        ("The Lathe of Heaven", le_guin, None, (1971, 3, 1), "7.50", False, []),
        ("Guards! Guards!", pratchett, orbit, (1989, 11, 1), "8.99", True, [4, 2, 5, 3]),
        ("Small Gods", pratchett, orbit, (1992, 5, 1), "9.50", True, [5, 5]),
        ("Night Watch", pratchett, None, (2002, 11, 1), "11.00", True, []),
        ("The Fifth Season", jemisin, orbit, (2015, 8, 4), "12.99", True, [4, 3]),
        ("The City We Became", jemisin, orbit, (2020, 3, 24), "14.99", False, [2]),
    ]
    for title, author, publisher, date, price, in_print, ratings in books:
        book = Book.objects.create(
            title=title,
            author=author,
            publisher=publisher,
            published=datetime.date(*date),
            price=Decimal(price),
            in_print=in_print,
        )
        for rating in ratings:
            Review.objects.create(book=book, rating=rating)


_seed()


def _lazy(solution, name, *args):
    """Call one function; it must hand back a QuerySet without touching the database."""
    with CaptureQueriesContext(connection) as ctx:
        result = getattr(solution, name)(*args)
    assert isinstance(result, QuerySet), (
        f"{name}() returned a {type(result).__name__}, not a QuerySet: callers can no longer"
        " filter, slice or paginate it in SQL"
    )
    assert len(ctx) == 0, (
        f"calling {name}() ran {len(ctx)} SQL quer{'y' if len(ctx) == 1 else 'ies'}; a QuerySet"
        " should stay lazy until someone iterates it"
    )
    return result


def _count_queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        value = fn()
    return value, len(ctx)


def check_in_print_since(solution):
    result = _lazy(solution, "in_print_since", Book.objects.all(), 1990)
    titles = [(b.title, str(b.price)) for b in result]
    older = [(b.title, str(b.price)) for b in solution.in_print_since(Book.objects.all(), 1970)]
    return {"since_1990": titles, "since_1970": older}


def check_respects_given_queryset(solution):
    british = Book.objects.filter(author__country="GB")
    titles = [b.title for b in _lazy(solution, "in_print_since", british, 1900)]
    rated = [b.title for b in _lazy(solution, "rated_at_least", british, 5)]
    return {"in_print_since": titles, "rated_at_least": rated}


def check_rated_at_least(solution):
    result = _lazy(solution, "rated_at_least", Book.objects.all(), 5)
    titles = [b.title for b in result]
    assert len(titles) == len(set(titles)), (
        f"rated_at_least(books, 5) listed a book more than once: {titles}; a book with several"
        " matching reviews must appear once"
    )
    total = solution.rated_at_least(Book.objects.all(), 4).count()
    return {"five_stars": titles, "four_or_more_count": total}


def check_author_stats(solution):
    result = _lazy(solution, "author_stats", Author.objects.all())
    rows, queries = _count_queries(lambda: [(a.name, a.book_count, a.review_count) for a in result])
    assert queries == 1, f"author_stats took {queries} queries; the counts belong in one query"
    return rows


def check_author_stats_stays_filterable(solution):
    result = _lazy(solution, "author_stats", Author.objects.filter(country="GB"))
    busy = result.filter(book_count__gte=3)
    return [(a.name, a.book_count, a.review_count) for a in busy]


def check_forward_relations_in_one_query(solution):
    result = _lazy(solution, "with_author_and_publisher", Book.objects.order_by("title"))

    def read():
        return [(b.title, b.author.name, b.publisher.name if b.publisher else None) for b in result]

    rows, queries = _count_queries(read)
    assert queries == 1, (
        f"reading title, author and publisher of {len(rows)} books took {queries} queries;"
        " expected 1 (this is the N+1 problem)"
    )
    return rows


def check_reverse_relation_in_two_queries(solution):
    result = _lazy(solution, "with_books", Author.objects.order_by("name"))

    def read():
        return [(a.name, sorted(b.title for b in a.books.all())) for a in result]

    rows, queries = _count_queries(read)
    assert queries == 2, (
        f"reading {len(rows)} authors and their books took {queries} queries; expected 2"
        " (one for the authors, one for all their books)"
    )
    return rows
