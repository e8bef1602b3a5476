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


class Article(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    body = models.TextField()
    published_at = models.DateTimeField(null=True, blank=True)  # None: draft; future: scheduled


# --- End of the provided setup. ---

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views import View
from django.views.decorators.http import require_safe
from django.views.generic import ListView

VISIBLE_ARTICLES = Article.objects.filter(published_at__lte=timezone.now())


def visible_articles() -> QuerySet[Article]:
    """Articles a reader may see: published, and not scheduled for later."""
    return VISIBLE_ARTICLES.all()


def as_json(article: Article) -> dict[str, str]:
    assert article.published_at is not None
    return {
        "slug": article.slug,
        "title": article.title,
        "body": article.body,
        "published": article.published_at.date().isoformat(),
    }


@require_safe
def article_detail(request: HttpRequest, slug: str) -> JsonResponse:
    return JsonResponse(as_json(get_object_or_404(visible_articles(), slug=slug)))


class ArticleDetail(View):
    def get(self, request: HttpRequest, slug: str) -> JsonResponse:
        return JsonResponse(as_json(get_object_or_404(visible_articles(), slug=slug)))


class ArticleList(ListView):
    paginate_by = 2
    context_object_name = "articles"
    template_name = "blog/article_list.html"

    def get_queryset(self) -> QuerySet[Article]:
        articles = visible_articles().order_by("-published_at", "slug")
        query = self.request.GET.get("q", "").strip()
        if query:
            articles = articles.filter(title__icontains=query)
        return articles

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["query"] = self.request.GET.get("q", "").strip()
        return context
