"""Calendar days in the user's local time zone: "today", "reviews per day" and streaks are local."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo


def local_tz(tz: tzinfo | None = None) -> tzinfo:
    return tz or datetime.now().astimezone().tzinfo or UTC


def local_date(moment: datetime, tz: tzinfo | None = None) -> date:
    return moment.astimezone(local_tz(tz)).date()


def day_bounds(moment: datetime, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """[start, end) in UTC of the local day containing `moment`."""
    zone = local_tz(tz)
    start = datetime.combine(local_date(moment, zone), time.min, zone)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)
