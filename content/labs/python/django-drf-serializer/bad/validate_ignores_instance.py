# --- Provided setup: configures Django for this one-file lab. Leave it as it is. ---
import sys

import django
from django.conf import settings

# DRF imports the optional `requests` package when it is installed, and importing that probes the
# network, which the grading sandbox forbids. DRF works without it.
sys.modules.setdefault("requests", None)

if not settings.configured:
    settings.configure(
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "rest_framework",
            "solution",
        ],
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        USE_TZ=True,
        TIME_ZONE="UTC",
    )
    django.setup()

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField(unique=True)  # private: never part of a book's output


class Book(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft"
        PUBLISHED = "published"

    title = models.CharField(max_length=200)
    isbn = models.CharField(max_length=13, unique=True)  # stored as 13 digits
    author = models.ForeignKey(Author, related_name="books", on_delete=models.PROTECT)
    pages = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_on = models.DateField(null=True, blank=True)


# --- End of the provided setup. ---

import re
from typing import Any

from rest_framework import serializers

ISBN_13 = re.compile(r"[0-9]{13}")


def _isbn_checksum_ok(digits: str) -> bool:
    return sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "name"]


class BookSerializer(serializers.ModelSerializer):
    # Declared, not generated: the model field's max_length and unique validator would judge
    # the raw input, before validate_isbn() has removed the hyphens.
    isbn = serializers.CharField(max_length=20)
    author = AuthorSerializer(read_only=True)
    author_id = serializers.PrimaryKeyRelatedField(
        source="author", queryset=Author.objects.all(), write_only=True
    )

    class Meta:
        model = Book
        fields = ["id", "title", "isbn", "pages", "status", "published_on", "author", "author_id"]
        extra_kwargs = {"pages": {"min_value": 1}}

    def validate_isbn(self, value: str) -> str:
        digits = re.sub(r"[\s-]", "", value)
        if not ISBN_13.fullmatch(digits) or not _isbn_checksum_ok(digits):
            raise serializers.ValidationError("Enter a valid ISBN-13.")
        others = Book.objects.filter(isbn=digits)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise serializers.ValidationError("A book with this ISBN already exists.")
        return digits

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        status = attrs.get("status", Book.Status.DRAFT)
        if status == Book.Status.PUBLISHED and attrs.get("published_on") is None:
            raise serializers.ValidationError(
                {"published_on": "A published book needs a publication date."}
            )
        return attrs
