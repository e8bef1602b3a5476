from django.db.models import Count, QuerySet


def in_print_since(books: QuerySet, year: int) -> list:
    return list(books.filter(in_print=True, published__year__gte=year).order_by("price", "title"))


def rated_at_least(books: QuerySet, rating: int) -> list:
    return list(books.filter(reviews__rating__gte=rating).distinct().order_by("title"))


def author_stats(authors: QuerySet) -> list:
    return list(
        authors.annotate(
            book_count=Count("books", distinct=True),
            review_count=Count("books__reviews", distinct=True),
        ).order_by("name")
    )


def with_author_and_publisher(books: QuerySet) -> list:
    return list(books.select_related("author", "publisher"))


def with_books(authors: QuerySet) -> list:
    return list(authors.prefetch_related("books"))
