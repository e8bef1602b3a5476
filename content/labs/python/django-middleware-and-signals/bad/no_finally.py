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

import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.db.models.signals import post_save
from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")
AUDIT_UID = "solution.audit_order_created"

#: The id of the request being handled by this thread or task; None outside a request.
current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)


def _new_request_id() -> str:
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Tags every request with an id (the caller's, if well-formed) and times the view.

    One instance serves every request, on every thread: per-request state lives in locals and
    in the context variable, never on `self`."""

    def __init__(
        self,
        get_response: Callable[[HttpRequest], HttpResponse],
        *,
        clock: Callable[[], float] = time.perf_counter,
        new_id: Callable[[], str] = _new_request_id,
    ) -> None:
        self.get_response = get_response
        self.clock = clock
        self.new_id = new_id

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else self.new_id()
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        started = self.clock()
        response = self.get_response(request)
        current_request_id.reset(token)
        elapsed_ms = (self.clock() - started) * 1000
        response[REQUEST_ID_HEADER] = request_id
        response["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
        return response


def record_creation(
    sender: type[Order], instance: Order, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """post_save receiver: one audit entry per newly created order (not fixtures, not updates)."""
    if created and not raw:
        AuditEntry.objects.create(
            action="order.created",
            object_pk=str(instance.pk),
            request_id=current_request_id.get(),
        )


def connect_audit() -> None:
    post_save.connect(record_creation, sender=Order, dispatch_uid=AUDIT_UID)


def disconnect_audit() -> bool:
    return post_save.disconnect(sender=Order, dispatch_uid=AUDIT_UID)
