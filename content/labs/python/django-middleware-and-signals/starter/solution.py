# --- Provided setup: configures Django for this one-file lab. Leave it as it is. ---
import django
from django.conf import settings

if not settings.configured:
    settings.configure(
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "solution"],
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        USE_TZ=True,
        TIME_ZONE="UTC",
    )
    django.setup()

from django.db import models


class Order(models.Model):
    reference = models.CharField(max_length=20)
    total_cents = models.PositiveIntegerField()


class Customer(models.Model):
    name = models.CharField(max_length=50)


class AuditEntry(models.Model):
    action = models.CharField(max_length=50)  # e.g. "order.created"
    object_pk = models.CharField(max_length=40)
    request_id = models.CharField(max_length=64, null=True, blank=True)


# --- End of the provided setup. ---

import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest, HttpResponse

#: The id of the request being handled by this thread or task; None outside a request.
current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)


def _new_request_id() -> str:
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(
        self,
        get_response: Callable[[HttpRequest], HttpResponse],
        *,
        clock: Callable[[], float] = time.perf_counter,
        new_id: Callable[[], str] = _new_request_id,
    ) -> None:
        raise NotImplementedError

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raise NotImplementedError


def record_creation(
    sender: type[Order], instance: Order, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """post_save receiver: one audit entry per newly created order (not fixtures, not updates)."""
    raise NotImplementedError


def connect_audit() -> None:
    raise NotImplementedError


def disconnect_audit() -> bool:
    """Disconnect record_creation; True if it was connected."""
    raise NotImplementedError
