from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_EXCEPTION, Executor, wait
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
    done, _ = wait(futures, return_when=FIRST_EXCEPTION)
    for future in futures:
        if future in done and future.exception() is not None:
            raise future.exception()  # type: ignore[misc]
    return [result for future in futures for result in future.result()]
