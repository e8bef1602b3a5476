"""Judge fixtures: one small problem written to a temp content tree, and one judge per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from prep.content.catalog import Problem
from prep.content.loader import load_catalog
from tests.conftest import tiny_files, write_tree

INCREMENT = {
    "problems/increment/problem.yaml": """\
title: Increment
difficulty: easy
topics: [gens]
pattern: arithmetic
signature: "def solve(x: int) -> int"
time_limit_ms: 1000
memory_limit_mb: 128
bad:
  - {file: off_by_one.py, verdict: wrong_answer, why: adds two}
""",
    "problems/increment/cases.yaml": """\
cases:
  - {name: one, why: smallest, sample: true, input: {x: 1}, expected: 2}
  - {name: zero, why: zero, sample: true, input: {x: 0}, expected: 1}
  - {name: negative, why: negative, input: {x: -5}, expected: -4}
  - {name: big, why: beyond 64 bits, input: {x: 100000000000000000000}, expected: 100000000000000000001}
""",
    "problems/increment/statement.md": "# Increment\n\nReturn x + 1.\n",
    "problems/increment/starter.py": "def solve(x: int) -> int:\n    raise NotImplementedError\n",
    "problems/increment/reference.py": "def solve(x: int) -> int:\n    return x + 1\n",
    "problems/increment/bad/off_by_one.py": "def solve(x: int) -> int:\n    return x + 2\n",
}


@pytest.fixture(scope="session")
def increment(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    root = write_tree(tmp_path_factory.mktemp("content"), tiny_files() | INCREMENT)
    return load_catalog(root).require().problems["increment"]


def write_problem(root: Path, files: dict[str, str]) -> Path:
    return write_tree(root, tiny_files() | files)
