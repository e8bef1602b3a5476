"""Judge speed against a baseline measured in the same run (absolute times are noisy here).

1. Median time for a verdict on a 20-case problem, against running the equivalent 20 tests with
   pytest in a fresh process (what a naive judge would do). Target: ratio at most 0.10.
2. Sustained verdicts per second with the default pool (one zygote per core). Target: >= 40.

Run: .venv/bin/python bench/judge_speed.py [--rounds N] [--seconds S]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from prep.content.loader import load_catalog
from prep.judge.pool import JudgePool
from prep.judge.service import Judge

SOLUTION = "def solve(x: int) -> int:\n    return x + 1\n"
CASES = 20


def _case(i: int) -> str:
    sample = str(i == 0).lower()
    fields = f"name: c{i}, why: case {i}, sample: {sample}, input: {{x: {i}}}, expected: {i + 1}"
    return f"  - {{{fields}}}\n"


def content_tree(root: Path) -> Path:
    files = {
        "seed.md": "# seed\n",
        "curriculum.yaml": textwrap.dedent("""\
            seed_file: seed.md
            sections:
              - id: s
                title: S
                seed: S
                priority: high
                groups:
                  - topics: [{id: t, title: T, seed: T}]
            """),
        "problems/increment/problem.yaml": textwrap.dedent("""\
            title: Increment
            difficulty: easy
            topics: [t]
            pattern: arithmetic
            signature: "def solve(x: int) -> int"
            bad: [{file: wrong.py, verdict: wrong_answer, why: off by one}]
            """),
        "problems/increment/cases.yaml": "cases:\n" + "".join(_case(i) for i in range(CASES)),
        "problems/increment/statement.md": "# Increment\n",
        "problems/increment/starter.py": SOLUTION,
        "problems/increment/reference.py": SOLUTION,
        "problems/increment/bad/wrong.py": "def solve(x):\n    return x\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def pytest_baseline(folder: Path, rounds: int) -> float:
    test_file = folder / "test_increment.py"
    test_file.write_text(
        SOLUTION
        + "".join(f"\ndef test_c{i}():\n    assert solve({i}) == {i + 1}\n" for i in range(CASES))
    )
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-p",
                "no:xdist",
                str(test_file),
            ],
            cwd=folder,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        problem = load_catalog(content_tree(Path(tmp) / "content")).require().problems["increment"]
        baseline = pytest_baseline(Path(tmp), args.rounds)

        judge = Judge(JudgePool())
        judge.submit(problem, SOLUTION)  # start the zygotes: paid once per process, not per verdict
        times = []
        for _ in range(args.rounds * 4):
            started = time.perf_counter()
            verdict = judge.submit(problem, SOLUTION).verdict
            times.append(time.perf_counter() - started)
            assert verdict == "accepted", verdict
        median = statistics.median(times)

        deadline = time.perf_counter() + args.seconds
        count = 0

        def worker() -> int:
            done = 0
            while time.perf_counter() < deadline:
                judge.submit(problem, SOLUTION)
                done += 1
            return done

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=judge.pool.size) as threads:
            count = sum(threads.map(lambda _: worker(), range(judge.pool.size)))
        throughput = count / (time.perf_counter() - started)
        judge.close()

    ratio = median / baseline
    print(f"pytest, fresh process, {CASES} tests: median {baseline * 1000:.1f} ms")
    print(f"judge verdict, {CASES} cases:         median {median * 1000:.1f} ms")
    print(f"ratio judge/pytest: {ratio:.3f} (target <= 0.100) {'OK' if ratio <= 0.1 else 'MISSED'}")
    print(
        f"throughput: {throughput:.1f} verdicts/s on {judge.pool.size} slots (target >= 40) "
        f"{'OK' if throughput >= 40 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
