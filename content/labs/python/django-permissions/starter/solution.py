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

from django.contrib.auth.models import User
from django.db import models


class Note(models.Model):
    owner = models.ForeignKey(User, related_name="notes", on_delete=models.CASCADE)
    title = models.CharField(max_length=100)
    body = models.TextField(blank=True)
    is_public = models.BooleanField(default=False)


# --- End of the provided setup. ---

from typing import Any

from django.db.models import QuerySet
from rest_framework.permissions import BasePermission


class IsOwnerOrStaff(BasePermission):
    """See task.md for who may read, edit and delete a note."""


def visible_notes(user: Any, notes: QuerySet[Note]) -> QuerySet[Note]:
    """The notes `user` may read: none when signed out, all for staff, else own and public."""
    raise NotImplementedError
