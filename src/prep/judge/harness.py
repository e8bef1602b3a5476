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
CHECKS_FILE = "checks.py"
#: Threads get small stacks, so a stress test with many of them fits in the address-space limit.
THREAD_STACK_BYTES = 512 * 1024
PYTEST_OUTPUT_CHARS = 6000
RECURSION_LIMIT = 100_000
TRACEBACK_FRAMES = 8
MAX_FRAME_BYTES = 16 << 20


class OutputLimitExceeded(Exception):
    pass


class _BoundedWriter(io.TextIOBase):
    """Collects what the submission prints, up to a limit, so a print loop cannot flood us."""

    def __init__(self, limit: int, keep_head: bool = False) -> None:
        self.limit = limit
        self.keep_head = keep_head  # keep the first `limit` characters instead of failing
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        if self.size > self.limit:
            if not self.keep_head:
                raise OutputLimitExceeded
            text = text[: max(0, self.limit - (self.size - len(text)))]
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
#: Lab kinds that import libraries run with the Python installation mounted read-only in the
#: chroot: there, opening and writing files is confined by the mounts, not by the hook.
FILE_EVENTS = frozenset(
    event for event, reason in FORBIDDEN_EVENTS.items() if "file" in reason or event == "open"
)
AF_UNIX = 1


def _install_audit_hook(fd: int, allow_files: bool = False) -> None:
    """After this a forbidden event ends the child: reported, then _exit, so it is not catchable.

    A Unix socket pair is allowed: asyncio's event loop wakes itself through one, and it
    reaches nothing outside the process."""
    write, leave = os.write, os._exit
    events = {k: v for k, v in FORBIDDEN_EVENTS.items() if not (allow_files and k in FILE_EVENTS)}

    def hook(event: str, args: tuple[Any, ...]) -> None:
        reason = events.get(event)
        if reason is not None:
            if event == "socket.__new__" and len(args) > 1 and args[1] == AF_UNIX:
                return
            write(fd, b'\n{"t": "violation", "message": "' + reason.encode() + b'"}\n')
            leave(3)

    sys.addaudithook(hook)


def run(job: dict[str, Any], fd: int, applied: list[str]) -> None:
    channel = _Channel(fd)
    channel.send({"t": "ready", "sandbox": applied})
    try:
        tree = ast.parse(job["code"], SOLUTION_FILE)
        # dont_inherit: this module's `from __future__ import annotations` is not the code's.
        code = compile(tree, SOLUTION_FILE, "exec", dont_inherit=True)
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
    _install_audit_hook(fd, allow_files=bool(job.get("python_env")))
    try:
        if job["kind"] == "probe":
            entry = _load_probe(job, code)
        elif job["kind"] == "pytest":
            entry = _load_pytest(job)
        else:
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
        failed_check = None
        try:
            started, cpu_started = time.perf_counter(), time.process_time()
            try:
                value = call()
            except AssertionError as exc:
                if not _raised_in(exc, CHECKS_FILE):
                    raise
                # A lab's check found the behaviour wrong: a finding, and the next check runs.
                value, failed_check = None, str(exc) or "a check failed"
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
                "assertion": failed_check,
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
    if job["kind"] in ("probe", "pytest"):
        return lambda: entry(case_input)
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


def _raised_in(exc: BaseException, filename: str) -> bool:
    last = deque(traceback.walk_tb(exc.__traceback__), maxlen=1)
    return bool(last) and last[0][0].f_code.co_filename == filename


def _load_probe(job: dict[str, Any], code: Any) -> Callable[[dict[str, Any]], Any]:
    """Run the candidate's file as a real module (so dataclasses, pickling and `import solution`
    work), then the lab's trusted checks.py; a case calls one `check_<name>(module)`."""
    import threading
    import types

    threading.stack_size(THREAD_STACK_BYTES)
    module = types.ModuleType(job["module"])
    module.__file__ = SOLUTION_FILE
    sys.modules[job["module"]] = module
    exec(code, module.__dict__)
    checks_source: str = job["checks"]
    linecache.cache[CHECKS_FILE] = (
        len(checks_source),
        None,
        checks_source.splitlines(True),
        CHECKS_FILE,
    )
    checks_module = types.ModuleType("checks")
    checks_module.__file__ = CHECKS_FILE
    sys.modules["checks"] = checks_module
    checks = checks_module.__dict__
    exec(compile(checks_source, CHECKS_FILE, "exec", dont_inherit=True), checks)

    def run_check(case_input: dict[str, Any]) -> Any:
        return to_plain(checks["check_" + case_input["check"]](module))

    return run_check


def _load_pytest(job: dict[str, Any]) -> Callable[[dict[str, Any]], Any]:
    """The candidate's test file, run by pytest once per case against one implementation of
    the module under test (the correct one, then each mutant). Reports counts and names only."""
    import pytest

    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    test_file, module_file = job["test_file"], job["module_file"]
    with open(test_file, "w", encoding="utf-8") as fh:  # noqa: PTH123 - inside the chroot
        fh.write(job["code"])
    with open("pytest.ini", "w", encoding="utf-8") as fh:  # noqa: PTH123
        fh.write("[pytest]\n")

    def run_tests(case_input: dict[str, Any]) -> Any:
        with open(module_file, "w", encoding="utf-8") as fh:  # noqa: PTH123
            fh.write(case_input["implementation"])
        for name in (module_file, test_file):
            sys.modules.pop(name.removesuffix(".py"), None)
        collector = _PytestCollector()
        shown = _BoundedWriter(PYTEST_OUTPUT_CHARS, keep_head=True)
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = shown
        try:
            code = pytest.main(
                [test_file, "-q", "-p", "no:cacheprovider", "--capture=sys", "-c", "pytest.ini"],
                plugins=[collector],
            )
        finally:
            sys.stdout, sys.stderr = saved
        return {
            "exit": int(code),
            "collected": collector.collected,
            "passed": sorted(collector.passed),
            "failed": sorted(collector.failed),
            "output": shown.take(),
        }

    return run_tests


class _PytestCollector:
    """A pytest plugin that keeps only which tests passed and which failed (in any phase)."""

    def __init__(self) -> None:
        self.collected = 0
        self.passed: set[str] = set()
        self.failed: set[str] = set()

    def pytest_collection_modifyitems(self, items: list[Any]) -> None:
        self.collected = len(items)

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            self.failed.add(f"collecting {report.nodeid or 'the test file'}")

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.failed:
            self.failed.add(report.nodeid)
            self.passed.discard(report.nodeid)
        elif report.when == "call" and report.passed and report.nodeid not in self.failed:
            self.passed.add(report.nodeid)


def _raised_by_harness(exc: BaseException) -> bool:
    last = deque(traceback.walk_tb(exc.__traceback__), maxlen=1)
    return bool(last) and last[0][0].f_code.co_filename != SOLUTION_FILE
