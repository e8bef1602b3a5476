"""Checks for django-middleware-and-signals: the middleware is called directly (with a fake
clock and id source), then through Django's full handler with the test Client; the signal
receiver is connected and disconnected around real saves. Receivers are reset after each check."""

import contextlib
import itertools
import logging
import re
import threading
import traceback

import solution
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import override_settings
from django.urls import path

Order, Customer, AuditEntry = solution.Order, solution.Customer, solution.AuditEntry
factory = RequestFactory()
logging.getLogger("django.request").setLevel(logging.CRITICAL)  # the 500 check logs otherwise

with connection.schema_editor() as _editor:
    for _model in (Order, Customer, AuditEntry):
        _editor.create_model(_model)

_RECEIVERS = list(post_save.receivers)


@contextlib.contextmanager
def _clean():
    """A rolled-back transaction, and post_save's receivers restored whatever the candidate did."""
    try:
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        post_save.receivers = list(_RECEIVERS)
        post_save.sender_receivers_cache.clear()


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"
    ]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


class FakeClock:
    """Each call moves time on by `step` seconds."""

    def __init__(self, start=100.0, step=0.25):
        self.now, self.step = start - step, step

    def __call__(self):
        self.now += self.step
        return self.now


def _ids(prefix):
    """An id source that numbers its ids: prefix-0001, prefix-0002, ..."""
    numbers = itertools.count(1)
    return lambda: f"{prefix}-{next(numbers):04d}"


def _recording_view(seen):
    def view(request):
        seen.append([getattr(request, "request_id", None), solution.current_request_id.get()])
        return HttpResponse("ok")

    return view


def _through(middleware, headers=None, what="a request"):
    request = factory.get("/orders/", headers=headers or {})
    try:
        return middleware(request)
    except Exception as exc:
        raise AssertionError(f"the middleware crashed on {what} with {_crash(exc)}") from None


def check_request_id_assigned_and_echoed(solution):
    seen = []
    middleware = solution.RequestIdMiddleware(
        _recording_view(seen), clock=FakeClock(), new_id=_ids("generated")
    )
    cases = {
        "absent": None,
        "valid": "client-abc-123",
        "too_short": "abc",
        "too_long": "x" * 65,
        "bad_characters": "id;DROP TABLE orders",
    }
    result = {}
    for label, incoming in cases.items():
        headers = {"X-Request-ID": incoming} if incoming is not None else {}
        response = _through(middleware, headers, f"a request with X-Request-ID {incoming!r}")
        result[label] = response.headers.get("X-Request-ID")
    assert result["bad_characters"] != cases["bad_characters"], (
        "an X-Request-ID with spaces and ';' was echoed back; a malformed id from the client"
        " must be replaced (it ends up in logs and headers)"
    )
    return {"headers": result, "seen_by_view": seen}


def check_context_variable_is_reset(solution):
    solution.current_request_id.set(None)  # independent of earlier checks
    seen = []
    middleware = solution.RequestIdMiddleware(
        _recording_view(seen), clock=FakeClock(), new_id=_ids("generated")
    )
    _through(middleware, {"X-Request-ID": "first-request"})
    after_ok = solution.current_request_id.get()

    def failing_view(request):
        raise RuntimeError("database unavailable")

    failing = solution.RequestIdMiddleware(
        failing_view, clock=FakeClock(), new_id=_ids("generated")
    )
    try:
        failing(factory.get("/orders/", headers={"X-Request-ID": "second-request"}))
        propagated = False
    except RuntimeError:
        propagated = True
    after_error = solution.current_request_id.get()
    assert after_ok is None and after_error is None, (
        f"after the requests, current_request_id is {after_ok!r} / {after_error!r}; it must be"
        " reset when the request ends, even when the view raises, or the id leaks into work done"
        " outside any request"
    )
    assert propagated, (
        "the middleware swallowed the view's exception; let Django's handler turn it into a 500"
    )
    return seen


def check_server_timing(solution):
    timings = []
    for step in (0.25, 0.0123):
        middleware = solution.RequestIdMiddleware(
            lambda request: HttpResponse("ok"), clock=FakeClock(step=step), new_id=_ids("generated")
        )
        timings.append(_through(middleware).headers.get("Server-Timing"))
    return timings


def check_no_per_request_state_on_instance(solution):
    barrier = threading.Barrier(2, timeout=5)

    def view(request):
        barrier.wait()  # both requests are inside the view before either returns
        return HttpResponse(request.request_id)

    middleware = solution.RequestIdMiddleware(view, clock=FakeClock(), new_id=_ids("unused"))
    results, errors = {}, []

    def send(request_id):
        try:
            response = middleware(factory.get("/orders/", headers={"X-Request-ID": request_id}))
            results[request_id] = [response.content.decode(), response.headers.get("X-Request-ID")]
        except Exception as exc:
            errors.append(_crash(exc))

    threads = [threading.Thread(target=send, args=(rid,)) for rid in ("thread-aaaa", "thread-bbbb")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert not errors, f"a concurrent request crashed: {errors[0]}"
    for request_id, (body, header) in sorted(results.items()):
        assert body == header == request_id, (
            f"two concurrent requests got mixed up: request {request_id!r} answered with header"
            f" {header!r}. One middleware instance serves every request, so per-request values"
            " must not be stored on self"
        )
    return sorted(results.items())


def _view_creating_order(request):
    order = Order.objects.create(reference="WEB-1", total_cents=1200)
    return HttpResponse(str(order.pk))


def _view_failing(request):
    raise RuntimeError("boom")


urlpatterns = [path("orders/", _view_creating_order), path("fail/", _view_failing)]


def check_works_inside_django(solution):
    solution.current_request_id.set(None)  # independent of earlier checks
    with (
        _clean(),
        override_settings(
            ROOT_URLCONF="checks",
            MIDDLEWARE=["solution.RequestIdMiddleware"],
            ALLOWED_HOSTS=["testserver"],
            DEBUG=False,
        ),
    ):
        solution.connect_audit()
        client = Client(raise_request_exception=False)
        outcome = {}
        for url in ("/orders/", "/missing/", "/fail/"):
            try:
                response = client.post(url) if url == "/orders/" else client.get(url)
            except Exception as exc:
                raise AssertionError(
                    f"a request to {url} through Django crashed with {_crash(exc)}"
                ) from None
            request_id = response.headers.get("X-Request-ID", "")
            timing = response.headers.get("Server-Timing", "")
            outcome[url] = {
                "status": response.status_code,
                "has_id": bool(re.fullmatch(r"[A-Za-z0-9-]{8,64}", request_id)),
                "has_timing": bool(re.fullmatch(r"app;dur=\d+\.\d", timing)),
            }
            if url == "/orders/":
                entry = AuditEntry.objects.filter(object_pk=response.content.decode()).first()
                assert entry is not None, (
                    "an order created during a request (after connect_audit()) left no audit entry"
                )
                outcome["audit_has_request_id"] = entry.request_id == request_id
        Order.objects.create(reference="CLI-1", total_cents=100)
        outside = AuditEntry.objects.filter(
            object_pk=str(Order.objects.get(reference="CLI-1").pk)
        ).first()
        outcome["outside_request_id"] = outside.request_id if outside else "no audit entry"
        assert outcome["outside_request_id"] is None, (
            f"an order created after the requests were over was audited with request id"
            f" {outcome['outside_request_id']!r}: the id of an earlier request leaked (reset the"
            " context variable when every request ends, including failed ones)"
        )
        assert outcome["audit_has_request_id"], (
            "the audit entry of an order created during a request does not carry that request's"
            " X-Request-ID (read it from current_request_id in the receiver)"
        )
        return outcome


def _audit_log():
    references = dict((str(pk), ref) for pk, ref in Order.objects.values_list("pk", "reference"))
    return [
        [e.action, references.get(e.object_pk, e.object_pk)]
        for e in AuditEntry.objects.order_by("pk")
    ]


def check_audit_only_on_create(solution):
    with _clean():
        Order.objects.create(reference="BEFORE", total_cents=1)
        before = _audit_log()
        assert before == [], (
            "an order saved before connect_audit() was audited: importing solution must not connect the receiver"
        )
        solution.connect_audit()
        order = Order.objects.create(reference="A-1", total_cents=500)
        order.total_cents = 450
        order.save()
        order.save(update_fields=["total_cents"])
        Order.objects.create(reference="A-2", total_cents=700)
        Customer.objects.create(name="Ada")
        log = _audit_log()
        assert log, (
            "after connect_audit(), creating orders recorded nothing: is the receiver still alive?"
            " Signal.connect() keeps only a weak reference to it by default"
        )
        assert len(log) == 2, (
            f"2 orders were created and one was saved twice more, but the audit log holds {len(log)}"
            f" entries: {log}. Record creations only (the `created` flag), and only for Order"
        )
        return log


def check_raw_saves_are_skipped(solution):
    with _clean():
        solution.connect_audit()
        order = Order.objects.create(reference="RAW-0", total_cents=1)
        AuditEntry.objects.all().delete()
        post_save.send(
            sender=Order,
            instance=order,
            created=True,
            raw=True,
            using="default",
            update_fields=None,
        )
        return _audit_log()


def check_connect_is_idempotent(solution):
    with _clean():
        solution.connect_audit()
        solution.connect_audit()
        Order.objects.create(reference="B-1", total_cents=1)
        log = _audit_log()
        assert len(log) == 1, (
            f"after connect_audit() ran twice, one new order produced {len(log)} audit entries;"
            " connecting again must not add a second receiver"
        )
        return log


def check_disconnect_stops_auditing(solution):
    with _clean():
        solution.connect_audit()
        Order.objects.create(reference="C-1", total_cents=1)
        first = solution.disconnect_audit()
        Order.objects.create(reference="C-2", total_cents=1)
        second = solution.disconnect_audit()
        solution.connect_audit()
        Order.objects.create(reference="C-3", total_cents=1)
        log = _audit_log()
        assert first is True and second is False, (
            f"disconnect_audit() returned {first!r} then {second!r}; expected True (it was connected)"
            " then False (nothing left to disconnect)"
        )
        assert [ref for _, ref in log] == ["C-1", "C-3"], (
            f"the audit log is {log}; C-2 was created while disconnected"
        )
        return log
