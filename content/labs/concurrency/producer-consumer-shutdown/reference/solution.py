import queue
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

#: Put once per worker by close(): a worker that takes it exits. Anything submitted before it
#: is ahead of it in the FIFO queue, so it is handled first.
_STOP = object()


class WorkerPool(Generic[T]):
    """`workers` threads taking items from a queue and passing each to `handle`.

    The workers are non-daemon threads: if the program ends without close(), the interpreter
    still waits for them instead of killing them halfway through an item. close() is the
    orderly way out: one sentinel per worker, then join them all.
    """

    def __init__(self, handle: Callable[[T], object], workers: int, maxsize: int = 0) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self._handle = handle
        self._queue: queue.Queue[object] = queue.Queue(maxsize)
        self._errors: list[tuple[T, Exception]] = []
        self._errors_lock = threading.Lock()
        # Held from the closed-check to the put, so no item can slip in behind the sentinels.
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
            self._queue.put(item)  # blocks while the queue is full: back-pressure

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
            try:
                self._handle(item)  # type: ignore[arg-type]
            except Exception as exc:  # one bad item must not kill the worker
                with self._errors_lock:
                    self._errors.append((item, exc))  # type: ignore[arg-type]
