from django.db.models import Count, QuerySet


def in_print_since(books: QuerySet, year: int) -> QuerySet:
    """Books still in print, published in `year` or later; cheapest first, then by title."""
    return books.filter(in_print=True, published__year__gte=year).order_by("price", "title")


def rated_at_least(books: QuerySet, rating: int) -> QuerySet:
    """Books with at least one review rated `rating` or more, each book once, by title."""
    return books.filter(reviews__rating__gte=rating).distinct().order_by("title")


def author_stats(authors: QuerySet) -> QuerySet:
    """Every author, with `book_count` and `review_count` (reviews of their books), by name."""
    return authors.annotate(
        book_count=Count("books", distinct=True),
        review_count=Count("books__reviews", distinct=True),
    ).order_by("name")


def with_author_and_publisher(books: QuerySet) -> QuerySet:
    """The books, with author and publisher fetched in the same query."""
    return books.select_related("author")


def with_books(authors: QuerySet) -> QuerySet:
    """The authors, with all their books fetched in one extra query."""
    return authors.prefetch_related("books")
