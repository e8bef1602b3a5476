import queue
import threading
from collections.abc import Callable
from typing import Any


class WorkerPool:
    def __init__(self, handle: Callable[[Any], object], workers: int, maxsize: int = 0) -> None:
        self._handle = handle
        self._queue: queue.Queue[Any] = queue.Queue(maxsize)
        self._errors: list[tuple[Any, Exception]] = []
        self._closed = False
        # Daemon threads: they die with the program, so nobody has to stop them.
        self._threads = [threading.Thread(target=self._work, daemon=True) for _ in range(workers)]
        for thread in self._threads:
            thread.start()

    @property
    def threads(self) -> list[threading.Thread]:
        return list(self._threads)

    @property
    def errors(self) -> list[tuple[Any, Exception]]:
        return list(self._errors)

    def submit(self, item: Any) -> None:
        if self._closed:
            raise RuntimeError("submit() after close()")
        self._queue.put(item)

    def close(self) -> None:
        self._closed = True
        self._queue.join()  # every item handled

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            try:
                self._handle(item)
            except Exception as exc:
                self._errors.append((item, exc))
            finally:
                self._queue.task_done()
