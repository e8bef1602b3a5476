from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from typing import Any


def parallel_map(
    fn: Callable[[Any], Any], items: Iterable[Any], *, executor: Executor, chunksize: int = 1
) -> list[Any]:
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    # Executor.map already takes a chunksize.
    return list(executor.map(fn, items, chunksize=chunksize))
