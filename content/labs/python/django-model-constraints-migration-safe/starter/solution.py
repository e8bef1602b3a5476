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
# --- End of the provided setup. ---

from datetime import datetime

from django.db import models


class CouponQuerySet(models.QuerySet):
    def active(self, at: datetime) -> "CouponQuerySet":
        """Enabled coupons whose validity window contains `at` (start inclusive, end exclusive)."""
        raise NotImplementedError


class Coupon(models.Model):
    shop = models.CharField(max_length=50)
    code = models.CharField(max_length=20)
    percent_off = models.PositiveSmallIntegerField()
    valid_from = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)
    enabled = models.BooleanField(default=True)

    # TODO: the custom manager, the constraints (class Meta) and clean().
