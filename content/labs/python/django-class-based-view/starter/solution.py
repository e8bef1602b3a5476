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

from django.http import HttpRequest, HttpResponse
from django.views import View
from django.views.generic import ListView


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """GET/HEAD /articles/<slug>: one visible article as JSON."""
    raise NotImplementedError


class ArticleDetail(View):
    """The same endpoint as a class-based view."""


class ArticleList(ListView):
    """GET /articles/?q=&page=: visible articles, newest first, two per page."""
