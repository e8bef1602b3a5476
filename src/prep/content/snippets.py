"""Run a content snippet in a fresh interpreter: the check must see what a candidate would see.

Each snippet gets its own process, an empty temporary directory, a minimal environment and a
time limit, so one example cannot leak state into another or hang the check.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIMEOUT_S = 30.0  # catches hangs; framework imports are slow on a busy machine


@dataclass(frozen=True)
class SnippetRun:
    stdout: str
    stderr: str
    returncode: int | None  # None when it timed out
    timeout_s: float

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def failure(self) -> str:
        if self.returncode is None:
            return f"did not finish within {self.timeout_s:g} s"
        tail = "\n".join(self.stderr.strip().splitlines()[-6:])
        return f"exited with status {self.returncode}:\n{tail}"


def run_snippet(
    code: str, *, timeout_s: float = DEFAULT_TIMEOUT_S, hash_seed: int = 0
) -> SnippetRun:
    """Run `code` as a script; `hash_seed` varies str hashing so set-order luck is caught."""
    with tempfile.TemporaryDirectory(prefix="prep-snippet-") as tmp:
        script = Path(tmp) / "snippet.py"
        script.write_text(code, encoding="utf-8")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": tmp,
            "LANG": "C.UTF-8",
            "PYTHONHASHSEED": str(hash_seed),
            "PYTHONIOENCODING": "utf-8",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        try:
            done = subprocess.run(
                # Not -I: it implies -E, which would ignore PYTHONHASHSEED. The environment is
                # already minimal; -s drops the user site, -P keeps the script dir off sys.path.
                [sys.executable, "-s", "-P", str(script)],
                cwd=tmp,
                env=env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout_s,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            return SnippetRun(_text(exc.stdout), _text(exc.stderr), None, timeout_s)
        return SnippetRun(done.stdout, done.stderr, done.returncode, timeout_s)


def normalize_output(text: str) -> str:
    """Output as compared: trailing spaces on each line and trailing blank lines do not count."""
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


def _text(data: str | bytes | None) -> str:
    if data is None:
        return ""
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data
