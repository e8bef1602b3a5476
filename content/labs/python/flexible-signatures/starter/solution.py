import functools
from collections.abc import Callable
from typing import Any


def build_url(base, *segments, **query) -> str:
    """Join base and segments with "/", append the query; see the task for the details."""
    raise NotImplementedError


def notify(user_id, message, channel="email", urgent=False) -> dict[str, object]:
    """Fix the signature: user_id positional-only, channel and urgent keyword-only."""
    return {"user_id": user_id, "message": message, "channel": channel, "urgent": urgent}


def call_logged(func, *args, **kwargs) -> tuple[Any, str]:
    raise NotImplementedError


def make_notifier(channel, **fixed) -> functools.partial:
    raise NotImplementedError


def with_defaults(**defaults: Any) -> Callable:
    raise NotImplementedError
