"""Load content/problems/<slug>/ folders, reporting every problem as a diagnostic."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import yaml
from pydantic import ValidationError

from prep.content.catalog import Problem, Topic
from prep.content.diagnostics import Diagnostic, from_validation_error, relative
from prep.content.documents import yaml_reason
from prep.content.problem_models import CasesFileSpec, ProblemSpec, parse_signature
from prep.content.yaml_files import load_yaml

REQUIRED_FILES = ("problem.yaml", "cases.yaml", "statement.md", "starter.py", "reference.py")
Report = Callable[[Diagnostic], None]


def load_problems(root: Path, topics: dict[str, Topic], report: Report) -> dict[str, Problem]:
    base = root / "problems"
    if not base.is_dir():
        return {}
    problems = {}
    # Hidden folders (tool caches such as .ruff_cache) are not problems.
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        problem = _load_one(root, folder, topics, report)
        if problem is not None:
            problems[problem.slug] = problem
    return problems


def _load_one(root: Path, folder: Path, topics: dict[str, Topic], report: Report) -> Problem | None:
    where = relative(folder, root)

    def problem_at(path: Path, field: str | None, message: str) -> None:
        report(Diagnostic(relative(path, root), None, field, message))

    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if missing:
        report(Diagnostic(where, None, None, f"missing file(s): {', '.join(missing)}"))
        return None
    if not slug_ok(folder.name):
        report(Diagnostic(where, None, None, "folder name must be a kebab-case slug"))
        return None
    try:
        spec = ProblemSpec.model_validate(load_yaml(folder / "problem.yaml"))
        cases = CasesFileSpec.model_validate(load_yaml(folder / "cases.yaml")).cases
    except ValidationError as exc:
        file = "problem.yaml" if exc.title == ProblemSpec.__name__ else "cases.yaml"
        for diagnostic in from_validation_error(exc, path=f"{where}/{file}"):
            report(diagnostic)
        return None
    except yaml.YAMLError as exc:
        report(Diagnostic(where, None, None, f"not valid YAML: {yaml_reason(exc)}"))
        return None

    ok = True
    for i, topic_id in enumerate(spec.topics):
        if topic_id not in topics:
            problem_at(folder / "problem.yaml", f"topics[{i}]", f"unknown topic id {topic_id!r}")
            ok = False
    params = _param_names(spec)
    for case in cases:
        expected_keys = {"ops", "args"} if spec.kind == "design" else set(params)
        if set(case.input) != expected_keys:
            problem_at(
                folder / "cases.yaml",
                f"{case.name}.input",
                f"input must have exactly the keys {sorted(expected_keys)}, "
                f"has {sorted(case.input)}",
            )
            ok = False
    if spec.inplace_arg is not None and spec.inplace_arg not in params:
        problem_at(
            folder / "problem.yaml", "inplace_arg", f"{spec.inplace_arg!r} is not a parameter"
        )
        ok = False
    generator = _optional(folder / "generator.py")
    if (spec.perf_cases or spec.complexity) and generator is None:
        problem_at(
            folder / "problem.yaml", "perf_cases", "perf_cases and complexity need a generator.py"
        )
        ok = False
    bad = {}
    for i, entry in enumerate(spec.bad):
        source = _optional(folder / "bad" / entry.file)
        if source is None:
            problem_at(
                folder / "problem.yaml", f"bad[{i}].file", f"bad/{entry.file} does not exist"
            )
            ok = False
        else:
            bad[entry.file] = source
    if not ok:
        return None
    return Problem(
        slug=folder.name,
        path=folder,
        spec=spec,
        statement=(folder / "statement.md").read_text(encoding="utf-8"),
        cases=cases,
        starter=(folder / "starter.py").read_text(encoding="utf-8"),
        reference=(folder / "reference.py").read_text(encoding="utf-8"),
        generator=generator,
        checker=_optional(folder / "checker.py"),
        bad=MappingProxyType(bad),
    )


def _param_names(spec: ProblemSpec) -> list[str]:
    if spec.kind == "design" or not spec.signature:
        return []
    return [name for name, _ in parse_signature(spec.signature)[1]]


def _optional(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def slug_ok(name: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) is not None
