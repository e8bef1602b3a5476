from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from typing import Any


def parallel_map(
    fn: Callable[[Any], Any], items: Iterable[Any], *, executor: Executor, chunksize: int = 1
) -> list[Any]:
    """[fn(item) for item in items], computed on `executor` in chunks of `chunksize` items."""
    raise NotImplementedError
