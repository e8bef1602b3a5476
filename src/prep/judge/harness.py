"""Runs inside the sandboxed child: load the submission, run each case, report plain data.

Nothing here is trusted by the judge. The child never receives expected outputs, and what it
sends back is only data (JSON), compared in the parent. A submission that tampers with this
module can at most report answers it computed itself, which is what solving means anyway.
"""

from __future__ import annotations

import ast
import gc
import io
import json
import linecache
import os
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable
from typing import Any

from prep.judge.structures import (
    ListNode,
    StructureError,
    TreeNode,
    from_linked_list,
    from_tree,
    to_linked_list,
    to_tree,
)

SOLUTION_FILE = "solution.py"
RECURSION_LIMIT = 100_000
TRACEBACK_FRAMES = 8
MAX_FRAME_BYTES = 16 << 20


class OutputLimitExceeded(Exception):
    pass


class _BoundedWriter(io.TextIOBase):
    """Collects what the submission prints, up to a limit, so a print loop cannot flood us."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        if self.size > self.limit:
            raise OutputLimitExceeded
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


class _Channel:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def send(self, frame: dict[str, Any]) -> None:
        data = (json.dumps(frame, allow_nan=True) + "\n").encode()
        if len(data) > MAX_FRAME_BYTES:
            data = (
                json.dumps(
                    {
                        "t": "error",
                        "i": frame.get("i"),
                        "kind": "output",
                        "message": "the result is too large",
                    }
                )
                + "\n"
            ).encode()
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]


def to_plain(value: Any, depth: int = 0) -> Any:
    """Exact built-in types only: a subclass with a lying __eq__ cannot reach the comparison."""
    if depth > 100:
        raise TypeError("the result is nested too deeply")
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind in (list, tuple):
        return [to_plain(item, depth + 1) for item in value]
    if kind is dict:
        out = {}
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError("dict keys in a result must be str")
            out[key] = to_plain(item, depth + 1)
        return out
    raise TypeError(f"returned a {kind.__name__}; return plain data (int, str, list, dict, ...)")


def _convert_in(value: Any, kind: str) -> Any:
    if kind == "list_node":
        return to_linked_list(value)
    if kind == "tree_node":
        return to_tree(value)
    return value


def _convert_out(value: Any, kind: str) -> Any:
    if kind == "list_node":
        return from_linked_list(value)
    if kind == "tree_node":
        return from_tree(value)
    return to_plain(value)


def _trimmed_traceback(exc: BaseException) -> str:
    """Only the candidate's frames, the last few: the harness's own are noise to them.

    A runaway recursion leaves 100,000 frames: walking them is cheap, summarising them is not,
    so only the kept tail is summarised (lookup_lines=False: the source of solution.py is in
    linecache already, and reading any other file is forbidden by the audit hook).
    """
    count = 0
    tail: deque[tuple[Any, int]] = deque(maxlen=TRACEBACK_FRAMES)
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == SOLUTION_FILE:
            count += 1
            tail.append((frame, line))
    frames = traceback.StackSummary.extract(iter(tail), lookup_lines=False)
    lines = ["Traceback (most recent call last):\n", *frames.format()] if frames else []
    if count > TRACEBACK_FRAMES:
        lines.insert(1, f"  ... {count - TRACEBACK_FRAMES} earlier frames ...\n")
    lines += traceback.format_exception_only(type(exc), exc)
    text = "".join(lines)
    return text if len(text) < 8000 else text[:4000] + "\n...\n" + text[-3000:]


def _forbidden_use(tree: ast.AST, forbidden: list[str]) -> str | None:
    names = set(forbidden)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in names:
            return node.id
        if isinstance(node, ast.Attribute) and node.attr in names:
            return node.attr
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [a.name for a in node.names] + (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            )
            for module in modules:
                if module.split(".")[0] in names:
                    return module
    return None


#: Audit events a submission has no business raising, and how a verdict names them. The OS
#: layers (sandbox.py) are the boundary; this makes the attempt itself the verdict, at once.
FORBIDDEN_EVENTS = {
    **dict.fromkeys(
        (
            "os.fork",
            "os.forkpty",
            "os.posix_spawn",
            "os.exec",
            "os.spawn",
            "os.system",
            "subprocess.Popen",
            "pty.spawn",
        ),
        "tried to start a process",
    ),
    **dict.fromkeys(("os.kill", "os.killpg", "signal.pthread_kill"), "tried to send a signal"),
    **dict.fromkeys(
        ("socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.sendto"),
        "tried to use the network",
    ),
    "open": "tried to open a file (or to import a module that is not available)",
    **dict.fromkeys(
        (
            "os.remove",
            "os.rename",
            "os.mkdir",
            "os.rmdir",
            "os.chmod",
            "os.chown",
            "os.truncate",
            "os.link",
            "os.symlink",
            "shutil.rmtree",
            "shutil.move",
        ),
        "tried to change files",
    ),
    **dict.fromkeys(
        (
            "ctypes.dlopen",
            "ctypes.dlsym",
            "ctypes.call_function",
            "ctypes.cdata",
            "ctypes.addressof",
        ),
        "tried to use ctypes",
    ),
    "resource.setrlimit": "tried to change its resource limits",
}


def _install_audit_hook(fd: int) -> None:
    """After this a forbidden event ends the child: reported, then _exit, so it is not catchable."""
    write, leave, events = os.write, os._exit, dict(FORBIDDEN_EVENTS)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        reason = events.get(event)
        if reason is not None:
            write(fd, b'\n{"t": "violation", "message": "' + reason.encode() + b'"}\n')
            leave(3)

    sys.addaudithook(hook)


def run(job: dict[str, Any], fd: int, applied: list[str]) -> None:
    channel = _Channel(fd)
    channel.send({"t": "ready", "sandbox": applied})
    try:
        tree = ast.parse(job["code"], SOLUTION_FILE)
        code = compile(tree, SOLUTION_FILE, "exec")
    except SyntaxError as exc:
        channel.send(
            {"t": "compile_error", "line": exc.lineno, "message": f"{exc.msg} (line {exc.lineno})"}
        )
        return
    except (ValueError, RecursionError, MemoryError) as exc:
        channel.send(
            {"t": "compile_error", "line": None, "message": str(exc) or type(exc).__name__}
        )
        return
    used = _forbidden_use(tree, job.get("forbidden", []))
    if used:
        channel.send(
            {
                "t": "compile_error",
                "line": None,
                "message": f"this problem forbids `{used}`: implement it yourself",
            }
        )
        return

    # Tracebacks read source lines through linecache: give it the source so nothing is opened.
    linecache.cache[SOLUTION_FILE] = (
        len(job["code"]),
        None,
        job["code"].splitlines(True),
        SOLUTION_FILE,
    )
    out = _BoundedWriter(job["output_limit"])
    sys.stdout = sys.stderr = out
    sys.setrecursionlimit(RECURSION_LIMIT)
    namespace: dict[str, Any] = {"__name__": "solution", "ListNode": ListNode, "TreeNode": TreeNode}
    entry = None
    _install_audit_hook(fd)
    try:
        exec(code, namespace)
        entry = namespace.get(job["entry"])
        if entry is None:
            raise NameError(f"{SOLUTION_FILE} does not define {job['entry']}")
    except BaseException as exc:
        channel.send(_error_frame(None, exc, out))
        return
    channel.send({"t": "loaded"})
    for index, case_json in enumerate(job["cases"]):
        try:
            call = _prepare_case(job, entry, json.loads(case_json))
        except BaseException as exc:
            channel.send({"t": "start", "i": index})
            channel.send(_error_frame(index, exc, out))
            return
        # The zygote times from this frame: parsing the input is not the candidate's cost, and
        # the cyclic GC is paused so its pauses do not land on random sizes of a complexity fit.
        channel.send({"t": "start", "i": index})
        gc.disable()
        try:
            started, cpu_started = time.perf_counter(), time.process_time()
            value = call()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        except BaseException as exc:
            channel.send(_error_frame(index, exc, out))
            return
        finally:
            gc.enable()
        channel.send(
            {
                "t": "done",
                "i": index,
                "value": value,
                "ms": elapsed * 1000,
                "self_cpu_ms": cpu * 1000,  # precise but self-reported: used only for growth fits
                "stdout": out.take()[:2000],
            }
        )
    channel.send({"t": "finished"})


def _prepare_case(job: dict[str, Any], entry: Any, case_input: dict[str, Any]) -> Callable[[], Any]:
    """Convert the inputs now; the returned call runs the candidate's code and converts back."""
    if job["kind"] == "design":
        return lambda: _run_design(entry, case_input)
    params: list[list[str]] = job["params"]
    args = [_convert_in(case_input[name], kind) for name, kind in params]

    def call() -> Any:
        result = entry(*args)
        if job.get("inplace_arg"):
            result = args[[name for name, _ in params].index(job["inplace_arg"])]
        return _convert_out(result, job["returns"])

    return call


def _run_design(cls: Any, case_input: dict[str, Any]) -> list[Any]:
    ops, arguments = case_input["ops"], case_input["args"]
    instance = cls(*arguments[0])
    results: list[Any] = [None]
    for op, args in zip(ops[1:], arguments[1:], strict=True):
        method = getattr(instance, op)
        results.append(to_plain(method(*args)))
    return results


def _error_frame(index: int | None, exc: BaseException, out: _BoundedWriter) -> dict[str, Any]:
    if isinstance(exc, OutputLimitExceeded):
        kind, message = "output", "printed more than the output limit"
    elif isinstance(exc, MemoryError):
        kind, message = "memory", "ran out of memory (MemoryError)"
    elif isinstance(exc, StructureError | TypeError) and _raised_by_harness(exc):
        kind, message = "runtime", str(exc)
    elif isinstance(exc, SystemExit | KeyboardInterrupt):
        kind, message = "runtime", f"called {type(exc).__name__} (exit) instead of returning"
    else:
        kind, message = "runtime", _trimmed_traceback(exc)
    return {"t": "error", "i": index, "kind": kind, "message": message, "stdout": out.take()[:2000]}


def _raised_by_harness(exc: BaseException) -> bool:
    last = deque(traceback.walk_tb(exc.__traceback__), maxlen=1)
    return bool(last) and last[0][0].f_code.co_filename != SOLUTION_FILE
