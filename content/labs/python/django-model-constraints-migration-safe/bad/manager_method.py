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

import re
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

CODE_PATTERN = re.compile(r"[A-Z0-9]{4,20}")


class CouponManager(models.Manager):
    def active(self, at: datetime) -> models.QuerySet:
        """Enabled coupons whose validity window contains `at` (start inclusive, end exclusive)."""
        return self.get_queryset().filter(
            Q(valid_until__isnull=True) | Q(valid_until__gt=at),
            enabled=True,
            valid_from__lte=at,
        )


class Coupon(models.Model):
    shop = models.CharField(max_length=50)
    code = models.CharField(max_length=20)
    percent_off = models.PositiveSmallIntegerField()
    valid_from = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)
    enabled = models.BooleanField(default=True)

    objects = CouponManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["shop", "code"],
                condition=Q(enabled=True),
                name="coupon_unique_enabled_code",
            ),
            models.CheckConstraint(
                condition=Q(percent_off__gte=1, percent_off__lte=100),
                name="coupon_percent_off_range",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=F("valid_from")),
                name="coupon_valid_window",
            ),
        ]

    def clean(self) -> None:
        self.code = self.code.strip().upper()
        errors: dict[str, str] = {}
        if not CODE_PATTERN.fullmatch(self.code):
            errors["code"] = "Use 4 to 20 letters or digits."
        if (
            self.valid_from is not None
            and self.valid_until is not None
            and self.valid_until <= self.valid_from
        ):
            errors["valid_until"] = "The coupon must end after it starts."
        if errors:
            raise ValidationError(errors)
