import time
from collections.abc import Callable


def ttl_cache(seconds: float, clock: Callable[[], float] = time.monotonic):
    """Decorator factory: cache results per arguments for `seconds`, as measured by `clock`.

    The wrapper has a `cache_clear()` method that drops every cached entry.
    """
    raise NotImplementedError
