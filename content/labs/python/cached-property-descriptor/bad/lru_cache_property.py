import functools
from collections.abc import Callable
from typing import Any


def cached(method: Callable[[Any], Any]) -> property:
    """Cache the method's result per instance (lru_cache keys on self)."""
    return property(functools.lru_cache(maxsize=None)(method))
