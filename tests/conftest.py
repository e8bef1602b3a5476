"""Shared fixtures: a small valid content tree, and a real SQLite database in a temp dir."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from prep.content.catalog import Catalog
from prep.content.loader import load_catalog
from prep.judge.service import Judge
from prep.store.database import Database, open_database

REPO_ROOT = Path(__file__).resolve().parents[1]
REAL_CONTENT = REPO_ROOT / "content"

CURRICULUM = """\
seed_file: seed.md
sections:
  - id: basics
    title: Basics
    seed: Basics (High Priority)
    priority: high
    groups:
      - title: Python
        topics:
          - {id: gens, title: Generators, seed: Generators}
          - {id: funcs, title: Functions, seed: "`*args` and `**kwargs`"}
  - id: extras
    title: Extras
    seed: Extras
    priority: normal
    groups:
      - topics:
          - {id: misc, title: Miscellany, seed: Miscellany}
questions:
  - {id: q-gens, seed: What are generators?, group: Fundamentals, section: basics,
     kind: technical, topics: [gens]}
resources:
  - {id: r-book, title: A book, kind: book, seed: "**Books:** A book", topics: [gens, misc]}
"""

LESSON = """\
---
topic: gens
summary: Generators produce values lazily.
key_points: [They are iterators.]
pitfalls: [They are single-pass.]
---
# Generators

```python
print(sum(n for n in range(4)))
```

```output
6
```
"""

GENS_CARDS = """\
topic: gens
cards:
  - id: lazy
    kind: output
    code: |
      g = (n for n in range(2))
      print(list(g), list(g))
    output: |
      [0, 1] []
    explanation: A generator is exhausted after one pass.
  - id: pick
    kind: choice
    prompt: Which are iterators?
    shuffle: false
    options:
      - {text: A generator, correct: true}
      - {text: "A list such as [n for n in xs]"}
      - {text: A file object, correct: true}
  - id: define
    kind: recall
    prompt: What is a generator?
    answer: A function that yields values lazily.
  - id: keyword
    kind: cloze
    lang: python
    text: |
      def gen():
          {{c1::yield}} 1
"""

FUNCS_CARDS = """\
topic: funcs
cards:
  - id: star
    kind: recall
    prompt: What does *args collect?
    answer: Extra positional arguments, as a tuple.
  - id: kw
    kind: cloze
    text: Keyword arguments are collected by {{c1::**kwargs}} into a {{c2::dict}}.
"""

MISC_CARDS = """\
topic: misc
cards:
  - id: one
    kind: recall
    prompt: One?
    answer: One.
  - id: two
    kind: recall
    prompt: Two?
    answer: Two.
"""


#: A small probe lab on the tiny curriculum: a generator of squares, graded by three checks.
TINY_LAB = {
    "labs/python/squares/lab.yaml": """\
        title: Lazy squares
        kind: python
        difficulty: easy
        topics: [gens]
        time_limit_ms: 1000
        checks:
          - {name: first_values, why: the first squares are right}
          - {name: lazy, why: nothing is computed before it is asked for}
          - {name: is_generator, why: "the function returns an iterator, not a list"}
        bad:
          - {file: eager.py, verdict: wrong_answer, why: builds a list}
          - {file: off_by_one.py, verdict: wrong_answer, why: starts at 1}
        """,
    "labs/python/squares/task.md": "# Lazy squares\n\nWrite `squares()`, yielding 0, 1, 4, 9...\n",
    "labs/python/squares/starter/solution.py": "def squares():\n    raise NotImplementedError\n",
    "labs/python/squares/reference/solution.py": """\
        import itertools


        def squares():
            for n in itertools.count():
                yield n * n
        """,
    "labs/python/squares/bad/eager.py": """\
        def squares():
            return [n * n for n in range(100)]
        """,
    "labs/python/squares/bad/off_by_one.py": """\
        import itertools


        def squares():
            for n in itertools.count(1):
                yield n * n
        """,
    "labs/python/squares/checks.py": """\
        import itertools


        def check_first_values(solution):
            return list(itertools.islice(solution.squares(), 5))


        def check_lazy(solution):
            it = solution.squares()
            return next(iter(it))


        def check_is_generator(solution):
            it = solution.squares()
            assert iter(it) is it, "squares() returned a collection, not an iterator"
            return True
        """,
}


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def tiny_files() -> dict[str, str]:
    return {
        "seed.md": "# seed\n",
        "curriculum.yaml": CURRICULUM,
        "lessons/basics/gens.md": LESSON,
        "cards/basics/gens.yaml": GENS_CARDS,
        "cards/basics/funcs.yaml": FUNCS_CARDS,
        "cards/extras/misc.yaml": MISC_CARDS,
    }


@pytest.fixture
def tiny_content(tmp_path: Path) -> Path:
    """A small, valid content tree: 2 sections, 3 topics, every card kind."""
    return write_tree(tmp_path / "content", tiny_files())


@pytest.fixture
def tiny_catalog(tiny_content: Path) -> Catalog:
    return load_catalog(tiny_content).require()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data" / "prep.sqlite3")
    yield database
    database.close()


@pytest.fixture(scope="session")
def real_catalog() -> Catalog:
    return load_catalog(REAL_CONTENT).require()


@pytest.fixture(scope="session")
def judge() -> Iterator[Judge]:
    """One judge (and its zygotes) per test process."""
    judge = Judge()
    yield judge
    judge.close()


GENS_ANSWER = """\
---
question: q-gens
short_answer: Functions that pause at each yield and resume on next().
key_points:
  - They are lazy.
  - They are single-pass iterators.
  - yield from delegates.
  - send() resumes with a value.
follow_ups: ["When not to use one? — When you need random access."]
weak_answers: ["They are lists — no, they hold no elements."]
---
# Generators

```python
print(list(n * n for n in range(3)))
```

```output
[0, 1, 4]
```
"""


TINY_DESIGN = """\
---
id: dp-counter
title: Design a page-view counter
prompt: Count page views for 10 million pages, read by dashboards every few seconds.
topics: [misc]
model: inline
rubric:
  - {criterion: Requirements with numbers, points: 3, look_for: views per second and read rate}
  - {criterion: Estimates, points: 2, look_for: write QPS and storage}
  - {criterion: Batching writes, points: 3, look_for: counters buffered and flushed}
  - {criterion: Failure modes, points: 2, look_for: what is lost when a node dies}
---
## Requirements
10 million pages.

## Estimates

```python
print(10_000_000 * 100 // 86_400)
```

```output
11574
```

## API
## Data model
## Architecture
## Bottlenecks
## Scaling
## Trade-offs
## Failure modes
"""
