"""Lab folders load into the catalog, and every mistake in one is reported with its place."""

from __future__ import annotations

from pathlib import Path

from prep.content.loader import load_catalog
from tests.conftest import TINY_LAB, tiny_files, write_tree

LAB = "labs/python/squares"


def _load(tmp_path: Path, changes: dict[str, str | None]) -> list[str]:
    files = tiny_files() | TINY_LAB
    for name, text in changes.items():
        if text is None:
            files.pop(name)
        else:
            files[name] = text
    result = load_catalog(write_tree(tmp_path / "content", files))
    return [str(d) for d in result.diagnostics]


def test_a_valid_lab_loads_with_its_files(tmp_path: Path) -> None:
    catalog = load_catalog(write_tree(tmp_path / "c", tiny_files() | TINY_LAB)).require()
    lab = catalog.labs["squares"]
    assert lab.kind == "python"
    assert set(lab.starter) == {"solution.py"}
    assert "itertools.count()" in lab.reference
    assert set(lab.bad) == {"eager.py", "off_by_one.py"}
    assert catalog.labs_for("gens") == [lab]


def test_an_unknown_topic_is_named_with_its_field(tmp_path: Path) -> None:
    spec = TINY_LAB[f"{LAB}/lab.yaml"].replace("topics: [gens]", "topics: [gens, nope]")
    assert _load(tmp_path, {f"{LAB}/lab.yaml": spec}) == [
        f"{LAB}/lab.yaml: field topics[1]: unknown topic id 'nope'"
    ]


def test_a_declared_check_without_its_function_is_reported(tmp_path: Path) -> None:
    checks = TINY_LAB[f"{LAB}/checks.py"].replace("def check_lazy", "def check_lazy_renamed")
    assert _load(tmp_path, {f"{LAB}/checks.py": checks}) == [
        f"{LAB}/lab.yaml: field checks[1]: checks.py has no check_lazy()"
    ]


def test_missing_reference_and_bad_files_are_reported(tmp_path: Path) -> None:
    problems = _load(tmp_path, {f"{LAB}/reference/solution.py": None, f"{LAB}/bad/eager.py": None})
    assert problems == [
        f"{LAB}: missing the reference solution reference/solution.py",
        f"{LAB}/lab.yaml: field bad[0].file: bad/eager.py does not exist",
    ]


def test_a_kind_that_does_not_match_its_folder_is_refused(tmp_path: Path) -> None:
    spec = TINY_LAB[f"{LAB}/lab.yaml"].replace("kind: python", "kind: concurrency")
    assert _load(tmp_path, {f"{LAB}/lab.yaml": spec}) == [
        f"{LAB}/lab.yaml: field kind: 'concurrency' but the folder is labs/python"
    ]


def test_schema_errors_name_the_field(tmp_path: Path) -> None:
    spec = TINY_LAB[f"{LAB}/lab.yaml"].replace("difficulty: easy", "difficulty: trivial")
    problems = _load(tmp_path, {f"{LAB}/lab.yaml": spec})
    assert len(problems) == 1
    assert problems[0].startswith(f"{LAB}/lab.yaml")
    assert "difficulty" in problems[0]


def test_an_unknown_kind_folder_is_reported(tmp_path: Path) -> None:
    moved = {k.replace("labs/python/", "labs/cobol/"): v for k, v in TINY_LAB.items()}
    files = tiny_files() | moved
    result = load_catalog(write_tree(tmp_path / "content", files))
    assert [str(d) for d in result.diagnostics] == [
        "labs/cobol: unknown lab kind folder; expected one of python, concurrency, sql, "
        "testing, fastapi, config, git"
    ]
