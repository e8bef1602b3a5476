"""The judge's zygote: a small, pre-warmed process that forks one sandboxed child per job.

Started once per judge slot (`python -m prep.judge.forkserver`), it keeps interpreter
start-up and imports off the per-submission path: a fork costs about a millisecond while the
zygote stays small. It receives only inputs, never expected outputs; it enforces the time limits
on its own clock, and sends back what the child reported, validated and timestamped.

Framing with the judge: a 4-byte big-endian length, then a JSON object, in both directions.
"""

from __future__ import annotations

# Pre-imported so submissions can use them inside the chroot, where nothing can be imported.
import array  # noqa: F401
import bisect  # noqa: F401
import collections  # noqa: F401
import contextlib
import dataclasses  # noqa: F401
import decimal  # noqa: F401
import fractions  # noqa: F401
import functools  # noqa: F401
import heapq  # noqa: F401
import itertools  # noqa: F401
import json
import math  # noqa: F401
import operator  # noqa: F401
import os
import random  # noqa: F401
import re  # noqa: F401
import select
import shutil
import signal
import statistics  # noqa: F401
import string  # noqa: F401
import struct
import sys
import tempfile
import threading  # noqa: F401
import time
import typing  # noqa: F401
from collections.abc import Callable
from typing import IO, Any

from prep.judge import harness
from prep.judge.sandbox import Limits, claim_slot, enter_sandbox, kill_slot_processes, sandbox_uid

MAX_CHILD_BYTES = 64 << 20


def _python_paths() -> tuple[str, ...]:
    """What a lab that imports libraries needs to see: this interpreter's standard library and
    site-packages, and the system's shared libraries their extension modules load."""
    wanted = {os.path.realpath(p) for p in sys.path if p and os.path.isdir(p)}  # noqa: PTH112
    wanted |= {"/usr/lib", "/usr/lib64"}
    wanted = {p for p in wanted if os.path.isdir(p)}  # noqa: PTH112
    # Nested paths come with their parent's bind mount.
    return tuple(sorted(p for p in wanted if not any(p.startswith(q + "/") for q in wanted)))


PYTHON_PATHS = _python_paths()
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
WALL_FACTOR = 3
HEADER = struct.Struct(">I")
POLL_S = 0.05


def read_frame(stream: IO[bytes]) -> dict[str, Any] | None:
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    payload: dict[str, Any] = json.loads(stream.read(size))
    return payload


def write_frame(stream: IO[bytes], frame: dict[str, Any]) -> None:
    data = json.dumps(frame).encode()
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as fh:  # noqa: PTH123
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def run_job(job: dict[str, Any], slot: int, progress: Callable[[int], None]) -> dict[str, Any]:
    case_ms: list[float] = job["case_time_ms"]
    limits = Limits(
        cpu_seconds=int((job["load_ms"] + sum(case_ms)) / 1000) + 2,  # per-case CPU is watched too
        address_space_bytes=(_status_kb("VmSize") + job["memory_mb"] * 1024) * 1024,
        max_processes=int(job.get("max_processes", 32)),
    )
    baseline_rss_kb = _status_kb("VmRSS")
    workdir = tempfile.mkdtemp(prefix="prep-judge-")
    if os.geteuid() == 0:
        os.chown(workdir, sandbox_uid(slot), sandbox_uid(slot))
    read_fd, write_fd = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.close(read_fd)
            mounts = PYTHON_PATHS if job.get("python_env") else ()
            applied = enter_sandbox(workdir, write_fd, limits, slot, mounts)
            harness.run(job, write_fd, applied)
        finally:
            os._exit(0)
    os.close(write_fd)
    try:
        report = _watch(pid, read_fd, job, started, progress)
    finally:
        os.close(read_fd)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
        kill_slot_processes(slot)
        shutil.rmtree(workdir, ignore_errors=True)
    report["wall_ms"] = (time.monotonic() - started) * 1000
    report["exit"] = {
        "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
    }
    report["cpu_ms"] = (usage.ru_utime + usage.ru_stime) * 1000
    report["peak_memory_kb"] = max(0, usage.ru_maxrss - baseline_rss_kb)
    return report


def cpu_ms(pid: int) -> float:
    """CPU time (user + system, all threads) of a process, from /proc: the child cannot fake it.
    Clock-tick resolution (10 ms), which is plenty for deciding a time limit."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:  # noqa: PTH123
            fields = fh.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / CLOCK_TICKS


def _between_cases(job: dict[str, Any], next_index: int) -> float:
    """Seconds allowed to parse and convert the next case's input: the judge's overhead, not the
    candidate's, so it grows with the input (a 2-million-number list takes a while)."""
    cases: list[str] = job["cases"]
    size = len(cases[next_index]) if next_index < len(cases) else 0
    return wall_backstop(1000 + size / 1000)  # 1 s plus 1 ms per kilobyte, then the backstop


def wall_backstop(limit_ms: float) -> float:
    """Seconds of wall time a case may take: time limits are judged on CPU time, so a busy
    machine does not turn a correct solution into a time limit; this catches sleepers."""
    return (WALL_FACTOR * limit_ms + 1000) / 1000


def _watch(
    pid: int, fd: int, job: dict[str, Any], started: float, progress: Callable[[int], None]
) -> dict[str, Any]:
    """Read the child's frames, enforce the limits, and check the frames come in protocol order."""
    frames: list[dict[str, Any]] = []
    case_ms: list[float] = job["case_time_ms"]
    deadline = started + wall_backstop(job["load_ms"])
    loaded = False
    case_started = 0.0
    case_cpu_start = 0.0
    running: int | None = None
    buffer = b""
    received = 0
    killed: str | None = None
    problem: str | None = None
    done = False
    while not done:
        now = time.monotonic()
        if now > deadline:
            killed = "time" if running is not None else "load_time"
            break
        if running is not None and cpu_ms(pid) - case_cpu_start > case_ms[running]:
            killed = "time"
            break
        if not loaded and cpu_ms(pid) > job["load_ms"]:
            killed = "load_time"
            break
        ready, _, _ = select.select([fd], [], [], min(POLL_S, deadline - now))
        if not ready:
            continue
        chunk = os.read(fd, 1 << 16)
        arrived = time.monotonic()
        if not chunk:
            break  # the child closed the pipe: finished, crashed or exited early
        received += len(chunk)
        if received > MAX_CHILD_BYTES:
            killed = "output"
            break
        buffer += chunk
        while b"\n" in buffer and not done:
            line, buffer = buffer.split(b"\n", 1)
            if not line.strip():
                continue
            try:
                frame = json.loads(line)
                kind = frame["t"]
            except (ValueError, KeyError, TypeError):
                problem = "the submission wrote to the judge's channel"
                done = True
                break
            if kind == "violation":
                problem = (
                    f"the submission {frame.get('message', 'broke a sandbox rule')}: not allowed"
                )
                done = True
                break
            expected_kinds = _expected_next(frames, running, len(case_ms))
            if kind not in expected_kinds or (
                kind in ("start", "done") and frame.get("i") != _index(frames, kind)
            ):
                problem = f"unexpected {kind!r} frame: the submission interfered with the judge"
                done = True
                break
            if kind == "start":
                running = frame["i"]
                case_started = arrived
                case_cpu_start = cpu_ms(pid)
                deadline = arrived + wall_backstop(case_ms[running])
            elif kind == "done":
                # The child's own measurement is precise but could be a lie; the zygote's clock
                # cannot be fooled but reads 0 when both frames arrive in one read. The larger
                # of the two is never faster than what the zygote saw.
                observed = (arrived - case_started) * 1000
                claimed = frame.get("ms")
                frame["ms"] = max(observed, claimed if isinstance(claimed, int | float) else 0.0)
                frame["cpu_ms"] = cpu_ms(pid) - case_cpu_start
                deadline = arrived + _between_cases(job, frame["i"] + 1)
                running = None
                progress(frame["i"] + 1)
            elif kind == "loaded":
                loaded = True
                deadline = arrived + _between_cases(job, 0)
            frames.append(frame)
            if kind in ("finished", "compile_error", "error"):
                done = True
    return {
        "frames": frames,
        "killed": killed,
        "running": running,
        "protocol_error": problem,
        "case_elapsed_ms": (time.monotonic() - case_started) * 1000
        if running is not None
        else None,
    }


def _expected_next(frames: list[dict[str, Any]], running: int | None, cases: int) -> set[str]:
    if not frames:
        return {"ready"}
    last = frames[-1]["t"]
    if last == "ready":
        return {"compile_error", "error", "loaded"}
    if running is not None:
        return {"done", "error"}
    started = sum(1 for f in frames if f["t"] == "start")
    return {"start"} if started < cases else {"finished"}


def _index(frames: list[dict[str, Any]], kind: str) -> int:
    started = sum(1 for f in frames if f["t"] == "start")
    return started if kind == "start" else started - 1


def main() -> None:
    slot, _lock = claim_slot()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the judge decides when the zygote stops
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    write_frame(stdout, {"t": "hello", "pid": os.getpid(), "root": os.geteuid() == 0, "slot": slot})
    while (job := read_frame(stdin)) is not None:
        total = len(job["cases"])

        def progress(done: int, total: int = total) -> None:
            write_frame(stdout, {"t": "progress", "done": done, "total": total})

        try:
            report = run_job(job, slot, progress)
        except Exception as exc:
            report = {"internal_error": f"{type(exc).__name__}: {exc}"}
        write_frame(stdout, report)


if __name__ == "__main__":
    main()
