"""A GitLab CI pipeline: jobs with `extends` and `!reference` resolved, stages, dependencies."""

from __future__ import annotations

import re
from dataclasses import dataclass

from prep.labs.config_rules.base import ConfigError
from prep.labs.config_rules.workflow_model import runs_tests
from prep.labs.config_rules.yaml_tree import Node, load_documents

#: Top-level keys that are not jobs.
RESERVED = frozenset(
    {"default", "include", "stages", "variables", "workflow", "image", "services", "cache"}
    | {"before_script", "after_script", "spec"}
)
DEFAULT_STAGES = (".pre", "build", "test", "deploy", ".post")
_REFERENCE = "!reference"
_MAX_NESTING = 10


@dataclass(frozen=True)
class Job:
    id: str
    node: Node
    line: int

    @property
    def stage(self) -> str:
        return self.node.text_at("stage") or "test"

    @property
    def script(self) -> str:
        lines: list[str] = []
        for key in ("before_script", "script"):
            _flatten(self.node.get(key), lines)
        return "\n".join(lines)

    @property
    def environment(self) -> str | None:
        env = self.node.get("environment")
        return None if env is None else env.name()

    @property
    def needs(self) -> list[str] | None:
        """The jobs named in needs:, or None when the job has no needs: (stage order)."""
        needs = self.node.get("needs")
        if needs is None:
            return None
        out = []
        for item in needs.items() if needs.is_seq else [needs]:
            name = item.text_at("job") if item.is_map else item.text()
            if name:
                out.append(name)
        return out

    def runs_tests(self) -> bool:
        return runs_tests(self.script)

    def builds_image(self) -> bool:
        return bool(
            re.search(r"docker (build|push|buildx)|kaniko|buildah|podman (build|push)", self.script)
        )

    def deploys(self) -> bool:
        return self.environment is not None or self.stage == "deploy" or "deploy" in self.id


@dataclass(frozen=True)
class Pipeline:
    root: Node
    jobs: dict[str, Job]
    stages: tuple[str, ...]

    def stage_index(self, job: Job) -> int:
        return self.stages.index(job.stage) if job.stage in self.stages else -1

    def upstream(self, job_id: str) -> set[str]:
        """Every job that must finish before `job_id` starts, following needs: where given
        and the stage order otherwise."""
        seen: set[str] = set()
        todo = [job_id]
        while todo:
            current = self.jobs[todo.pop()]
            needs = current.needs
            direct = needs
            if direct is None:
                rank = self.stage_index(current)
                direct = [j.id for j in self.jobs.values() if 0 <= self.stage_index(j) < rank]
            for name in direct:
                if name in self.jobs and name not in seen:
                    seen.add(name)
                    todo.append(name)
        return seen


def parse_pipeline(text: str) -> Pipeline:
    documents = [d for d in load_documents(text, custom_tags=[_REFERENCE]) if d is not None]
    if len(documents) != 1 or not documents[0].is_map:
        raise ConfigError(1, "a .gitlab-ci.yml is one YAML mapping of jobs and settings")
    root = documents[0]
    jobs = {}
    for name, node in root.entries():
        if name in RESERVED or name.startswith(".") or not node.is_map:
            continue
        resolved = _resolve_references(root, _extend(root, name, node, 0), 0)
        jobs[name] = Job(name, resolved, root.key_line(name))
    declared = root.get("stages")
    stages = tuple(declared.texts()) if declared is not None else DEFAULT_STAGES[1:-1]
    return Pipeline(root, jobs, (".pre", *stages, ".post"))


def _extend(root: Node, name: str, node: Node, depth: int) -> Node:
    """The job with its `extends:` templates merged in (GitLab merges mappings deeply)."""
    if depth > _MAX_NESTING:
        raise ConfigError(node.line, f"extends: nests more than {_MAX_NESTING} deep at {name}")
    parents = node.get("extends")
    merged: Node | None = None
    for parent in parents.texts() if parents is not None else []:
        template = root.get(parent)
        if template is None or not template.is_map:
            raise ConfigError(node.key_line("extends"), f"{name} extends unknown {parent!r}")
        base = _extend(root, parent, template, depth + 1)
        merged = base if merged is None else _merge(merged, base)
    own = Node({k: v for k, v in node.entries() if k != "extends"}, node.line, node.key_lines)
    return own if merged is None else _merge(merged, own)


def _merge(base: Node, over: Node) -> Node:
    if not (base.is_map and over.is_map):
        return over
    entries = dict(base.entries())
    lines = dict(base.key_lines)
    for key, value in over.entries():
        entries[key] = _merge(entries[key], value) if key in entries else value
        lines[key] = over.key_line(key)
    return Node(entries, over.line, lines)


def _resolve_references(root: Node, node: Node, depth: int) -> Node:
    """Replace `!reference [.job, key, ...]` by the value it points at."""
    if depth > _MAX_NESTING * 4:
        raise ConfigError(node.line, "!reference nests too deep (or refers to itself)")
    if node.tag == _REFERENCE:
        path = node.texts()
        target = root.at(*path) if path else None
        if target is None:
            raise ConfigError(node.line, f"!reference {path} points at nothing")
        return _resolve_references(root, target, depth + 1)
    if node.is_map:
        entries = {k: _resolve_references(root, v, depth + 1) for k, v in node.entries()}
        return Node(entries, node.line, node.key_lines)
    if node.is_seq:
        return Node([_resolve_references(root, v, depth + 1) for v in node.items()], node.line)
    return node


def _flatten(node: Node | None, out: list[str]) -> None:
    if node is None:
        return
    if node.is_seq:
        for item in node.items():
            _flatten(item, out)
    elif (text := node.text()) is not None:
        out.append(text)
