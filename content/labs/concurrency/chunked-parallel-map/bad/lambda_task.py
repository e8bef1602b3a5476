from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_EXCEPTION, Executor, wait
from typing import Any


def parallel_map(
    fn: Callable[[Any], Any], items: Iterable[Any], *, executor: Executor, chunksize: int = 1
) -> list[Any]:
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    values = list(items)
    chunks = [values[i : i + chunksize] for i in range(0, len(values), chunksize)]
    futures = [executor.submit(lambda c=chunk: [fn(x) for x in c]) for chunk in chunks]
    done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
    for future in futures:
        if future in done and future.exception() is not None:
            for other in not_done:
                other.cancel()
            raise future.exception()  # type: ignore[misc]
    return [result for future in futures for result in future.result()]
