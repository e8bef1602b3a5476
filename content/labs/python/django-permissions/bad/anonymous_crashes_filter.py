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

from django.db.models import Q, QuerySet
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

DELETE_PERMISSION = "solution.delete_note"


class IsOwnerOrStaff(BasePermission):
    """Signed-in users only; read your own, public or (as staff) any note; edit your own or (as
    staff) any note; delete your own, or any with the delete_note permission."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Request, view: Any, obj: Note) -> bool:
        user = request.user
        is_owner = obj.owner_id == user.pk
        if request.method in SAFE_METHODS:
            return is_owner or obj.is_public or user.is_staff
        if request.method == "DELETE":
            return is_owner or user.has_perm(DELETE_PERMISSION)
        return is_owner or user.is_staff


def visible_notes(user: Any, notes: QuerySet[Note]) -> QuerySet[Note]:
    """The notes `user` may read: none when signed out, all for staff, else own and public."""
    if user.is_staff:
        return notes
    return notes.filter(Q(owner=user) | Q(is_public=True))
