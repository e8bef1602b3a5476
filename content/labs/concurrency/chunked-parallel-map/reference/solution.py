from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, Executor, wait
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """What one task does. Module-level, so a process pool can pickle it by name."""
    return [fn(item) for item in chunk]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def parallel_map(
    fn: Callable[[T], R], items: Iterable[T], *, executor: Executor, chunksize: int = 1
) -> list[R]:
    """[fn(item) for item in items], computed on `executor` in chunks of `chunksize` items.

    Every chunk is submitted up front, as one task. With a ProcessPoolExecutor each task costs
    a round trip (pickle the function and its arguments, send them to a worker, pickle the
    result back), so chunks amortise that cost over many items. Results are read in submission
    order, which is input order. The first failure cancels the chunks that have not started
    (running ones cannot be stopped) and is raised as it was.
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, got {chunksize}")
    futures = [executor.submit(_run_chunk, fn, chunk) for chunk in _chunks(items, chunksize)]
    done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
    failed = next((f for f in futures if f in done and f.exception() is not None), None)
    if failed is not None:
        for future in not_done:
            future.cancel()
        error = failed.exception()
        assert error is not None
        raise error
    return [result for future in futures for result in future.result()]
