import queue
import threading
from collections.abc import Callable
from typing import Any


class WorkerPool:
    def __init__(self, handle: Callable[[Any], object], workers: int, maxsize: int = 0) -> None:
        self._handle = handle
        self._queue: queue.Queue[Any] = queue.Queue(maxsize)
        self._errors: list[tuple[Any, Exception]] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._work) for _ in range(workers)]
        for thread in self._threads:
            thread.start()

    @property
    def threads(self) -> list[threading.Thread]:
        return list(self._threads)

    @property
    def errors(self) -> list[tuple[Any, Exception]]:
        return list(self._errors)

    def submit(self, item: Any) -> None:
        if self._stop.is_set():
            raise RuntimeError("submit() after close()")
        self._queue.put(item)

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _work(self) -> None:
        while not self._stop.is_set():
            try:
                item = self._queue.get(timeout=0.05)
            except queue.Empty:
                continue
            try:
                self._handle(item)
            except Exception as exc:
                self._errors.append((item, exc))
