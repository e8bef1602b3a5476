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

from rest_framework import serializers


class AuthorSerializer(serializers.ModelSerializer):
    """Output only: the author's id and name."""


class BookSerializer(serializers.ModelSerializer):
    """Reads and writes books; see task.md for the fields and the rules."""
