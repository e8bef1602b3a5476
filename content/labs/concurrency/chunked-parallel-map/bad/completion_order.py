from collections.abc import Callable, Iterable
from concurrent.futures import Executor, as_completed
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
    for future in as_completed(futures):
        try:
            results.extend(future.result())
        except Exception:
            for other in futures:
                other.cancel()
            raise
    return results
