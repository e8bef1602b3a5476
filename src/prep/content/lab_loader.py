"""Load content/labs/<kind>/<slug>/ folders, reporting every problem as a diagnostic."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import yaml
from pydantic import ValidationError

from prep.content.catalog import Lab, Topic
from prep.content.diagnostics import Diagnostic, from_validation_error, relative
from prep.content.documents import yaml_reason
from prep.content.lab_models import (
    LAB_KINDS,
    SPEC_BY_KIND,
    GitLabSpec,
    LabSpec,
    ProbeLabSpec,
    TestingLabSpec,
)
from prep.content.problem_loader import slug_ok
from prep.content.python_ast import parse_python
from prep.content.yaml_files import load_yaml

Report = Callable[[Diagnostic], None]
MAX_FILE_BYTES = 256 * 1024


def load_labs(root: Path, topics: dict[str, Topic], report: Report) -> dict[str, Lab]:
    base = root / "labs"
    if not base.is_dir():
        return {}
    labs: dict[str, Lab] = {}
    for kind_dir in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if kind_dir.name not in LAB_KINDS:
            report(
                Diagnostic(
                    relative(kind_dir, root),
                    None,
                    None,
                    f"unknown lab kind folder; expected one of {', '.join(LAB_KINDS)}",
                )
            )
            continue
        for folder in sorted(
            p for p in kind_dir.iterdir() if p.is_dir() and not p.name.startswith(".")
        ):
            lab = _load_one(root, folder, topics, report)
            if lab is None:
                continue
            if lab.slug in labs:
                report(
                    Diagnostic(
                        relative(folder, root), None, None, f"lab slug {lab.slug!r} is used twice"
                    )
                )
                continue
            labs[lab.slug] = lab
    return labs


def _load_one(root: Path, folder: Path, topics: dict[str, Topic], report: Report) -> Lab | None:
    where = relative(folder, root)

    def problem(file: str, field: str | None, message: str) -> None:
        report(Diagnostic(f"{where}/{file}" if file else where, None, field, message))

    if not slug_ok(folder.name):
        problem("", None, "folder name must be a kebab-case slug")
        return None
    missing = [n for n in ("lab.yaml", "task.md") if not (folder / n).is_file()]
    if missing:
        problem("", None, f"missing file(s): {', '.join(missing)}")
        return None
    try:
        data = load_yaml(folder / "lab.yaml")
        kind = data.get("kind") if isinstance(data, dict) else None
        if kind not in SPEC_BY_KIND:
            choices = ", ".join(LAB_KINDS)
            problem("lab.yaml", "kind", f"must be one of {choices}, not {kind!r}")
            return None
        spec = SPEC_BY_KIND[kind].model_validate(data)
    except ValidationError as exc:
        for diagnostic in from_validation_error(exc, path=f"{where}/lab.yaml"):
            report(diagnostic)
        return None
    except yaml.YAMLError as exc:
        problem("lab.yaml", None, f"not valid YAML: {yaml_reason(exc)}")
        return None
    ok = True
    if spec.kind != folder.parent.name:
        problem("lab.yaml", "kind", f"{spec.kind!r} but the folder is labs/{folder.parent.name}")
        ok = False
    for i, topic_id in enumerate(spec.topics):
        if topic_id not in topics:
            problem("lab.yaml", f"topics[{i}]", f"unknown topic id {topic_id!r}")
            ok = False
    files = _read_tree(folder)
    starter = {k.removeprefix("starter/"): v for k, v in files.items() if k.startswith("starter/")}
    if spec.answer_file is not None and spec.answer_file not in starter:
        problem("", "answer_file", f"starter/{spec.answer_file} does not exist")
        ok = False
    reference_file = "reference.sh" if spec.answer_file is None else f"reference/{spec.answer_file}"
    if reference_file not in files:
        problem("", None, f"missing the reference solution {reference_file}")
        ok = False
    bad = {}
    for i, entry in enumerate(spec.bad):
        source = files.get(f"bad/{entry.file}")
        if source is None:
            problem("lab.yaml", f"bad[{i}].file", f"bad/{entry.file} does not exist")
            ok = False
        else:
            bad[entry.file] = source
    for message in _kind_problems(spec, files):
        problem(*message)
        ok = False
    if not ok:
        return None
    return Lab(
        slug=folder.name,
        path=folder,
        spec=spec,
        task=files["task.md"],
        starter=MappingProxyType(starter),
        reference=files[reference_file],
        bad=MappingProxyType(bad),
        files=MappingProxyType(files),
    )


def _kind_problems(spec: LabSpec, files: dict[str, str]) -> list[tuple[str, str | None, str]]:
    """What a kind needs beyond the common files: checks.py functions, mutants, setup.py."""
    out: list[tuple[str, str | None, str]] = []
    if isinstance(spec, ProbeLabSpec | GitLabSpec):
        source = files.get("checks.py")
        if source is None:
            return [("", None, "missing checks.py")]
        try:
            tree = parse_python(source, "checks.py")
        except SyntaxError as exc:
            return [("checks.py", None, f"not valid Python: {exc.msg} (line {exc.lineno})")]
        defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        for i, check in enumerate(spec.checks):
            if f"check_{check.name}" not in defined:
                out.append(("lab.yaml", f"checks[{i}]", f"checks.py has no check_{check.name}()"))
        if isinstance(spec, GitLabSpec) and "setup.py" not in files:
            out.append(("", None, "missing setup.py (it builds the lab's repository)"))
    if isinstance(spec, TestingLabSpec):
        if f"starter/{spec.module}" not in files:
            out.append(("lab.yaml", "module", f"starter/{spec.module} does not exist"))
        for i, mutant in enumerate(spec.mutants):
            if f"mutants/{mutant.name}.py" not in files:
                message = f"mutants/{mutant.name}.py does not exist"
                out.append(("lab.yaml", f"mutants[{i}]", message))
        for i, entry in enumerate(spec.bad):
            unknown = set(entry.survivors) - {m.name for m in spec.mutants}
            if unknown:
                out.append(
                    ("lab.yaml", f"bad[{i}].survivors", f"unknown mutants: {sorted(unknown)}")
                )
    return out


def _read_tree(folder: Path) -> dict[str, str]:
    """Every text file under the folder by relative path, skipping caches and hidden files."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if not path.is_file() or any(
            part.startswith(".") or part == "__pycache__" for part in rel.parts
        ):
            continue
        if path.stat().st_size > MAX_FILE_BYTES:
            continue
        out[rel.as_posix()] = path.read_text(encoding="utf-8")
    return out
