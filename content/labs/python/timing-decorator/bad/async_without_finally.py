import functools
import inspect
import time
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def timed(
    log: Callable[[str, float], None], clock: Callable[[], float] = time.perf_counter
) -> Callable[[F], F]:
    """Decorator factory: after each call, report log(func.__qualname__, seconds taken).

    Works on plain and `async def` functions alike.
    """

    def decorate(func: F) -> F:
        name = func.__qualname__

        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                started = clock()
                result = await func(*args, **kwargs)
                log(name, clock() - started)
                return result

            return async_wrapper  # type: ignore[return-value]

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            try:
                return func(*args, **kwargs)
            finally:
                log(name, clock() - started)

        return wrapper  # type: ignore[return-value]

    return decorate
