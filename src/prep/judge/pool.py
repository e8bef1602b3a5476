"""The judge side of the fork servers: one zygote per slot, reused for every submission.

A zygote that dies (a submission managed to kill it, or it crashed) is replaced on the next job;
the job it was running gets a report saying so, which grades as an error, never as accepted.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from prep.judge.forkserver import read_frame, write_frame

Progress = Callable[[int, int], None]
ZYGOTE_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}


class _Zygote:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-s", "-m", "prep.judge.forkserver"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**ZYGOTE_ENV, **_pythonpath()},
        )
        hello = read_frame(self._stdout)
        if not hello or hello.get("t") != "hello":
            raise RuntimeError("the judge's fork server did not start")
        self.is_root = bool(hello["root"])
        self.slot = int(hello["slot"])

    @property
    def _stdout(self) -> IO[bytes]:
        assert self.process.stdout is not None
        return self.process.stdout

    def run(self, job: dict[str, Any], on_progress: Progress | None) -> dict[str, Any]:
        assert self.process.stdin is not None
        try:
            write_frame(self.process.stdin, job)
            while (report := read_frame(self._stdout)) is not None and report.get(
                "t"
            ) == "progress":
                if on_progress is not None:
                    on_progress(report["done"], report["total"])
        except (BrokenPipeError, OSError, ValueError):
            report = None
        if report is None:
            return {"worker_died": True}
        return report

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()


def _pythonpath() -> dict[str, str]:
    # The zygote must import prep exactly as this process did (an editable install or a checkout).
    import prep

    return {"PYTHONPATH": str(Path(prep.__file__).parent.parent)}


class JudgePool:
    """Runs jobs on up to `size` zygotes at once; thread-safe."""

    def __init__(self, size: int | None = None) -> None:
        self.size = size or max(1, os.cpu_count() or 1)
        self._idle: queue.Queue[_Zygote] = queue.Queue()
        self._started = 0
        self._lock = threading.Lock()
        self._all: list[_Zygote] = []

    def run(self, job: dict[str, Any], on_progress: Progress | None = None) -> dict[str, Any]:
        zygote = self._acquire()
        try:
            report = zygote.run(job, on_progress)
        finally:
            if zygote.alive:
                self._idle.put(zygote)
            else:
                self._replace(zygote)
        return report

    def _acquire(self) -> _Zygote:
        with self._lock:
            if self._idle.empty() and self._started < self.size:
                zygote = _Zygote()
                self._started += 1
                self._all.append(zygote)
                return zygote
        return self._idle.get()

    def _replace(self, dead: _Zygote) -> None:
        dead.close()
        fresh = _Zygote()
        with self._lock:
            self._all = [z for z in self._all if z is not dead] + [fresh]
        self._idle.put(fresh)

    def close(self) -> None:
        with self._lock:
            zygotes, self._all = self._all, []
        for zygote in zygotes:
            zygote.close()

    def __enter__(self) -> JudgePool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
