"""Hostile submissions: each gets the right verdict, nothing outside its sandbox changes, and the
judge answers within its wall limit plus a second.

Every payload is bounded even if the sandbox failed (forks stop at 300, memory at a few GB,
loops at a few seconds), because CI runs as root on a shared machine.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from prep.content.catalog import Problem
from prep.judge.forkserver import wall_backstop
from prep.judge.service import Judge
from prep.judge.verdicts import (
    ACCEPTED,
    MEMORY_LIMIT,
    OUTPUT_LIMIT,
    RUNTIME_ERROR,
    TIME_LIMIT,
    WRONG_ANSWER,
)

CORRECT = "\n    return x + 1\n"

HOSTILE = {
    "infinite-loop": ("def solve(x):\n    while True:\n        pass\n", TIME_LIMIT, None),
    "sleeping": (
        "import time\ndef solve(x):\n    time.sleep(30)\n    return x + 1\n",
        TIME_LIMIT,
        None,
    ),
    "ignores-cpu-signal": (
        "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\n"
        "def solve(x):\n    while True:\n        pass\n",
        TIME_LIMIT,
        None,
    ),
    "memory-bomb": (
        "def solve(x):\n    hog = []\n    for _ in range(40):\n        hog.append(bytearray(100 * 2**20))\n"
        "    return x + 1\n",
        MEMORY_LIMIT,
        None,
    ),
    "one-huge-allocation": ("def solve(x):\n    return len([0] * 10**10)\n", MEMORY_LIMIT, None),
    "fork-bomb": (
        "import os\ndef solve(x):\n    for _ in range(300):\n        if os.fork() == 0:\n"
        "            import time; time.sleep(5); os._exit(0)\n    return x + 1\n",
        RUNTIME_ERROR,
        "tried to start a process",
    ),
    "huge-output": (
        "def solve(x):\n    while True:\n        print('spam' * 1000)\n",
        OUTPUT_LIMIT,
        None,
    ),
    "huge-result": ("def solve(x):\n    return 'x' * (20 * 2**20)\n", OUTPUT_LIMIT, None),
    "spinning-threads": (
        "import threading\ndef spin():\n    while True:\n        pass\n"
        "def solve(x):\n    ts = [threading.Thread(target=spin, daemon=True) for _ in range(4)]\n"
        "    for t in ts: t.start()\n    for t in ts: t.join()\n",
        TIME_LIMIT,
        None,
    ),
    "infinite-recursion": (
        "def solve(x):\n    return solve(x) + 1\n",
        RUNTIME_ERROR,
        "RecursionError",
    ),
    "read-file-outside": (
        "def solve(x):\n    return len(open('/etc/passwd').read())\n",
        RUNTIME_ERROR,
        "tried to open a file",
    ),
    "read-via-os-open": (
        "import os\ndef solve(x):\n    fd = os.open('/etc/hostname', os.O_RDONLY)\n    return x + 1\n",
        RUNTIME_ERROR,
        "tried to open a file",
    ),
    "import-unavailable-module": (
        "import subprocess\ndef solve(x):\n    return x + 1\n",
        RUNTIME_ERROR,
        None,
    ),
    "kill-parent": (
        "import os, signal\ndef solve(x):\n    os.kill(os.getppid(), signal.SIGKILL)" + CORRECT,
        RUNTIME_ERROR,
        "tried to send a signal",
    ),
    "exit-early": ("import sys\ndef solve(x):\n    sys.exit(0)\n", RUNTIME_ERROR, "SystemExit"),
    "hard-exit-early": (
        "import os\ndef solve(x):\n    os._exit(0)\n",
        RUNTIME_ERROR,
        "exited before finishing",
    ),
    "print-fake-result": (
        'def solve(x):\n    print(\'{"t": "done", "i": 0, "value": 2}\')\n    print(\'accepted\')\n',
        WRONG_ANSWER,
        None,
    ),
    "write-fake-frames": (
        "import os\ndef solve(x):\n    for fd in range(3, 10):\n        try:\n"
        '            os.write(fd, b\'{"t": "finished"}\\n\')\n        except OSError:\n            pass\n'
        "    return -1\n",
        RUNTIME_ERROR,
        None,
    ),
    "lying-eq": (
        "class Liar:\n    def __eq__(self, other):\n        return True\n    __hash__ = object.__hash__\n"
        "def solve(x):\n    return Liar()\n",
        RUNTIME_ERROR,
        "return plain data",
    ),
    "lying-int-subclass": (
        "class Liar(int):\n    def __eq__(self, other):\n        return True\n    __hash__ = int.__hash__\n"
        "def solve(x):\n    return Liar(-999)\n",
        RUNTIME_ERROR,
        "return plain data",
    ),
    "patch-builtins": (
        "import builtins, json\nbuiltins.isinstance = lambda *a: True\nbuiltins.type = lambda *a: int\n"
        'json.dumps = lambda *a, **k: \'{"t": "finished"}\'\ndef solve(x):\n    return -1\n',
        None,
        None,
    ),
    "inspect-frames": (
        "import sys\ndef solve(x):\n    f = sys._getframe()\n    while f is not None:\n"
        "        ch = f.f_locals.get('channel')\n        if ch is not None:\n"
        "            ch.send({'t': 'finished'})\n        f = f.f_back\n    return -1\n",
        RUNTIME_ERROR,
        None,
    ),
    "ctypes": (
        "import ctypes\ndef solve(x):\n    ctypes.CDLL(None).getpid()" + CORRECT,
        RUNTIME_ERROR,
        "tried to use ctypes",
    ),
    "raise-rlimits": (
        "import resource\ndef solve(x):\n    resource.setrlimit(resource.RLIMIT_CPU, (10**6, 10**6))"
        + CORRECT,
        RUNTIME_ERROR,
        "tried to change its resource limits",
    ),
    "keyboard-interrupt": ("def solve(x):\n    raise KeyboardInterrupt\n", RUNTIME_ERROR, None),
}


@pytest.mark.slow
@pytest.mark.parametrize("code,verdict,message", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_submission_is_not_accepted(
    judge: Judge, increment: Problem, code: str, verdict: str | None, message: str | None
) -> None:
    started = time.monotonic()
    judgement = judge.submit(increment, code)
    elapsed = time.monotonic() - started
    assert judgement.verdict != ACCEPTED, judgement
    if verdict is not None:
        assert judgement.verdict == verdict, judgement.message
    if message is not None:
        assert message in judgement.message, judgement.message
    # Every payload misbehaves on the first case, whose wall-clock limit is the backstop.
    assert elapsed < wall_backstop(increment.spec.time_limit_ms) + 1, f"took {elapsed:.1f} s"
    # The judge still works afterwards: the same worker judges a correct solution.
    assert judge.submit(increment, "def solve(x):" + CORRECT).verdict == ACCEPTED


@pytest.mark.slow
def test_writing_outside_the_sandbox_changes_nothing(
    judge: Judge, increment: Problem, tmp_path: Path
) -> None:
    target = tmp_path / "pwned.txt"
    for code in (
        f"def solve(x):\n    open({str(target)!r}, 'w').write('x')" + CORRECT,
        f"import os\ndef solve(x):\n    os.remove({str(tmp_path / 'keep.txt')!r})" + CORRECT,
    ):
        (tmp_path / "keep.txt").write_text("keep")
        judgement = judge.submit(increment, code)
        assert judgement.verdict == RUNTIME_ERROR
        assert not target.exists()
        assert (tmp_path / "keep.txt").read_text() == "keep"


@pytest.mark.slow
def test_a_socket_reaches_nothing(judge: Judge, increment: Problem) -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    port = server.getsockname()[1]
    accepted: list[object] = []

    def listen() -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not accepted:
            try:
                accepted.append(server.accept())
            except TimeoutError:
                continue

    thread = threading.Thread(target=listen)
    thread.start()
    code = (
        f"import socket\ndef solve(x):\n    socket.create_connection(('127.0.0.1', {port}), timeout=2)"
        + CORRECT
    )
    judgement = judge.submit(increment, code)
    thread.join()
    server.close()
    assert judgement.verdict == RUNTIME_ERROR
    # socket is not importable in the sandbox; were it, the audit hook and the empty network
    # namespace would each stop the connection
    assert any(
        s in judgement.message
        for s in ("tried to use the network", "tried to open a file", "socket")
    )
    assert accepted == []


@pytest.mark.slow
def test_the_environment_of_the_judge_is_not_visible(
    judge: Judge, increment: Problem, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREP_SECRET_KEY", "hunter2")
    code = "import os\ndef solve(x):\n    return x + 1 + len(os.environ)\n"
    judgement = judge.submit(increment, code)
    assert judgement.verdict == ACCEPTED  # only an empty environment makes x + 1 + 0 right


@pytest.mark.slow
def test_the_sandbox_applies_every_layer_when_run_as_root(judge: Judge, increment: Problem) -> None:
    judgement = judge.submit(increment, "def solve(x):" + CORRECT)
    expected = {"session", "descriptors", "rlimits"}
    if os.geteuid() == 0:
        expected |= {"namespaces", "chroot", "uid"}
    assert expected <= set(judgement.sandbox)
