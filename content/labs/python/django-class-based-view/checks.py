"""Checks for django-class-based-view: views called directly with RequestFactory, no URLconf and
no template rendering (a ListView's context is read from the unrendered TemplateResponse)."""

import contextlib
import logging
import traceback
from datetime import datetime, timedelta, timezone

import solution
from django.db import connection, transaction
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone as django_timezone

Article = solution.Article
factory = RequestFactory()
logging.getLogger("django.request").setLevel(logging.CRITICAL)  # 405s log a warning otherwise

with connection.schema_editor() as _editor:
    _editor.create_model(Article)


def _at(day):
    return datetime(2024, 5, day, 12, 0, tzinfo=timezone.utc)


for _slug, _title, _day in [
    ("orm-tricks", "Ten ORM tricks", 1),
    ("async-views", "Async views in practice", 3),
    ("caching", "Caching querysets", 5),
    ("signals", "When not to use signals", 7),
    ("orm-pitfalls", "ORM pitfalls", 9),
]:
    Article.objects.create(
        slug=_slug, title=_title, body=f"All about {_slug}.", published_at=_at(_day)
    )
Article.objects.create(slug="draft", title="ORM draft", body="Not yet.", published_at=None)
Article.objects.create(
    slug="scheduled",
    title="Scheduled ORM news",
    body="Tomorrow.",
    published_at=datetime.now(timezone.utc) + timedelta(days=1),
)


@contextlib.contextmanager
def _rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _crash(exc):
    text = type(exc).__name__ + (f": {exc}" if str(exc) else "")
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"
    ]
    return text + (f" at solution.py line {lines[-1]}" if lines else "")


def _call(view, method, path, what, **kwargs):
    """(status, response); Http404 becomes 404 as Django's handler would, any other crash is a finding."""
    request = getattr(factory, method.lower())(path)
    try:
        response = view(request, **kwargs)
    except Http404:
        return 404, None
    except Exception as exc:
        raise AssertionError(
            f"{what} crashed with {_crash(exc)} (a client would get a 500)"
        ) from None
    return response.status_code, response


def _json(view, slug, what):
    status, response = _call(view, "GET", f"/articles/{slug}", what, slug=slug)
    if status != 200:
        return status
    kind = response.headers.get("Content-Type", "")
    assert kind.startswith("application/json"), f"{what} answered Content-Type {kind!r}, not JSON"
    import json

    return json.loads(response.content)


def _detail_views():
    return [
        ("article_detail", solution.article_detail),
        ("ArticleDetail", solution.ArticleDetail.as_view()),
    ]


def check_function_view_returns_json(solution):
    return [
        _json(solution.article_detail, slug, f"GET /articles/{slug}")
        for slug in ("orm-tricks", "signals")
    ]


def check_detail_hides_missing_drafts_and_scheduled(solution):
    result = {}
    for name, view in _detail_views():
        for slug in ("no-such-article", "draft", "scheduled"):
            status = _call(view, "GET", f"/articles/{slug}", f"{name} for {slug!r}", slug=slug)[0]
            assert status == 404, f"{name} answered {status} for {slug!r}; a reader must get 404"
        result[name] = _json(view, "caching", f"{name} for 'caching'")
    return result


def check_visibility_uses_request_time(solution):
    with _rolled_back():
        Article.objects.create(
            slug="breaking",
            title="Breaking ORM news",
            body="Now.",
            published_at=django_timezone.now(),
        )
        seen = {}
        for name, view in _detail_views():
            status = _call(view, "GET", "/articles/breaking", name, slug="breaking")[0]
            seen[name] = status
        listed = _page("?q=breaking", "GET /articles/?q=breaking")
        seen["ArticleList"] = listed["titles"] if isinstance(listed, dict) else listed
        assert seen["article_detail"] == 200 and seen["ArticleList"] == ["Breaking ORM news"], (
            f"an article published a moment ago is not visible ({seen}): is 'now' computed once,"
            " when the module is imported, instead of on each request?"
        )
        return seen


def check_function_view_allows_only_get_and_head(solution):
    result = {}
    for method in ("GET", "HEAD", "POST", "PUT", "DELETE"):
        status, response = _call(
            solution.article_detail,
            method,
            "/articles/caching",
            f"{method} /articles/caching",
            slug="caching",
        )
        allow = (
            sorted(m.strip() for m in response.headers.get("Allow", "").split(","))
            if status == 405
            else None
        )
        result[method] = [status, allow]
    assert result["POST"][0] == 405, (
        f"POST to the function view answered {result['POST'][0]}; expected 405"
    )
    return result


def check_class_view_dispatches_methods(solution):
    view = solution.ArticleDetail.as_view()
    result = {}
    for method in ("GET", "HEAD", "OPTIONS", "POST", "DELETE"):
        status, response = _call(
            view, method, "/articles/caching", f"{method} on ArticleDetail", slug="caching"
        )
        allow = response.headers.get("Allow") if response is not None else None
        result[method] = [status, sorted(m.strip() for m in allow.split(",")) if allow else None]
    return result


def _templates(response):
    names = response.template_name
    if hasattr(response, "resolve_template") and names is not None:
        return [names] if isinstance(names, str) else list(names)
    return []


def _page(query, what):
    status, response = _call(solution.ArticleList.as_view(), "GET", f"/articles/{query}", what)
    if status != 200:
        return status
    context = response.context_data
    page = context.get("page_obj")
    assert "articles" in context, f"{what}: the context has no 'articles' (keys: {sorted(context)})"
    return {
        "titles": [a.title for a in context["articles"]],
        "page": page.number if page else None,
        "num_pages": page.paginator.num_pages if page else None,
        "is_paginated": context.get("is_paginated"),
        "query": context.get("query"),
        "uses_template": "blog/article_list.html" in _templates(response),
    }


def check_list_view_paginates_newest_first(solution):
    pages = {
        q or "none": _page(q, f"GET /articles/{q}")
        for q in ("", "?page=2", "?page=3", "?page=last")
    }
    first = pages["none"]["titles"] if isinstance(pages["none"], dict) else pages["none"]
    assert first == ["ORM pitfalls", "When not to use signals"], (
        f"page 1 of /articles/ listed {first}; expected the two most recently published articles,"
        " newest first"
    )
    return pages


def check_list_view_search(solution):
    return {
        q: _page(q, f"GET /articles/{q}")
        for q in ("?q=orm", "?q=E&page=2", "?q=%20caching%20", "?q=nothing")
    }


def check_list_view_bad_page_is_404(solution):
    result = {q: _page(q, f"GET /articles/{q}") for q in ("?page=4", "?page=0", "?page=abc")}
    for query, outcome in result.items():
        assert outcome == 404, (
            f"GET /articles/{query} answered {outcome if isinstance(outcome, int) else 200}; expected 404"
        )
    return result
