from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from typing import Any


def _run_chunk(fn: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    return [fn(item) for item in chunk]


def parallel_map(
    fn: Callable[[Any], Any], items: Iterable[Any], *, executor: Executor, chunksize: int = 1
) -> list[Any]:
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    values = list(items)
    futures = [
        executor.submit(_run_chunk, fn, values[i : i + chunksize])
        for i in range(0, len(values), chunksize)
    ]
    results: list[Any] = []
    try:
        for future in futures:
            results.extend(future.result())  # a failure in chunk 5 waits for chunks 0-4
    except Exception:
        for future in futures:
            future.cancel()
        raise
    return results
