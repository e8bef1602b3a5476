import time
from collections.abc import Callable


def timed(log: Callable[[str, float], None], clock: Callable[[], float] = time.perf_counter):
    """Decorator factory: after each call, report log(func.__qualname__, seconds taken).

    Works on plain and `async def` functions alike.
    """
    raise NotImplementedError
