from django.db.models import QuerySet


def in_print_since(books: QuerySet, year: int) -> QuerySet:
    """Books still in print, published in `year` or later; cheapest first, then by title."""
    raise NotImplementedError


def rated_at_least(books: QuerySet, rating: int) -> QuerySet:
    """Books with at least one review rated `rating` or more, each book once, by title."""
    raise NotImplementedError


def author_stats(authors: QuerySet) -> QuerySet:
    """Every author, with `book_count` and `review_count` (reviews of their books), by name."""
    raise NotImplementedError


def with_author_and_publisher(books: QuerySet) -> QuerySet:
    """The books, with author and publisher fetched in the same query."""
    raise NotImplementedError


def with_books(authors: QuerySet) -> QuerySet:
    """The authors, with all their books fetched in one extra query."""
    raise NotImplementedError
