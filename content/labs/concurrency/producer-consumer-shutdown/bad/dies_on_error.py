import queue
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_STOP = object()


class WorkerPool(Generic[T]):
    def __init__(self, handle: Callable[[T], object], workers: int, maxsize: int = 0) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self._handle = handle
        self._queue: queue.Queue[object] = queue.Queue(maxsize)
        self._errors: list[tuple[T, Exception]] = []
        self._errors_lock = threading.Lock()
        self._submit_lock = threading.Lock()
        self._closed = False
        self._threads = [
            threading.Thread(target=self._work, name=f"pool-worker-{i}") for i in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    @property
    def threads(self) -> list[threading.Thread]:
        return list(self._threads)

    @property
    def errors(self) -> list[tuple[T, Exception]]:
        with self._errors_lock:
            return list(self._errors)

    def submit(self, item: T) -> None:
        with self._submit_lock:
            if self._closed:
                raise RuntimeError("submit() after close()")
            self._queue.put(item)

    def close(self) -> None:
        with self._submit_lock:
            if not self._closed:
                self._closed = True
                for _ in self._threads:
                    self._queue.put(_STOP)
        for thread in self._threads:
            thread.join()

    def __enter__(self) -> "WorkerPool[T]":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            self._handle(item)  # type: ignore[arg-type]
