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
        results: dict[Hashable, Any] = {}
        stored_at: dict[Hashable, float] = {}

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = (args, tuple(sorted(kwargs.items())))
            now = clock()
            cached = results.get(key)
            if cached and now < stored_at[key] + seconds:
                return cached
            result = func(*args, **kwargs)
            results[key] = result
            stored_at[key] = now
            return result

        def cache_clear() -> None:
            results.clear()
            stored_at.clear()

        wrapper.cache_clear = cache_clear  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate
