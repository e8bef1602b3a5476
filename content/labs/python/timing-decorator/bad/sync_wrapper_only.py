import functools
import time
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def timed(
    log: Callable[[str, float], None], clock: Callable[[], float] = time.perf_counter
) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            try:
                return func(*args, **kwargs)
            finally:
                log(func.__qualname__, clock() - started)

        return wrapper  # type: ignore[return-value]

    return decorate
