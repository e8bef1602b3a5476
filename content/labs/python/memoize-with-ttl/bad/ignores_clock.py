import functools
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def ttl_cache(seconds: float, clock: Callable[[], float] = time.monotonic) -> Callable[[F], F]:
    """Decorator factory: cache results per arguments for `seconds`, as measured by `clock`.

    The wrapper has a `cache_clear()` method that drops every cached entry.
    """

    def decorate(func: F) -> F:
        # key -> (time stored, result)
        entries: dict[Hashable, tuple[float, Any]] = {}

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = (args, tuple(sorted(kwargs.items())))
            now = time.monotonic()
            entry = entries.get(key)
            if entry is not None and now < entry[0] + seconds:
                return entry[1]
            result = func(*args, **kwargs)
            entries[key] = (now, result)
            return result

        wrapper.cache_clear = entries.clear  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate
