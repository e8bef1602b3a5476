"""A Dockerfile parsed into stages of instructions with their lines (via dockerfile_parse)."""

from __future__ import annotations

import io
import json
import re
import shlex
from dataclasses import dataclass, field

from dockerfile_parse import DockerfileParser

from prep.labs.config_rules.base import ConfigError

INSTRUCTIONS = frozenset(
    {"FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT"}
    | {"VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}
)
_HEREDOC = re.compile(r"<<(-?)\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?")
_VARIABLE = re.compile(
    r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))"
)


@dataclass(frozen=True)
class Instruction:
    """One instruction: `flags` are its leading `--name=value` options, `args` the rest."""

    keyword: str
    line: int
    args: str
    flags: dict[str, str] = field(default_factory=dict)

    def exec_form(self) -> list[str] | None:
        """The JSON array form (`["uvicorn", "app:app"]`), or None if this is shell form."""
        text = self.args.strip()
        if not text.startswith("["):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return value
        return None

    def words(self) -> list[str]:
        """The arguments split as a shell would (exec form: the JSON items)."""
        exec_form = self.exec_form()
        if exec_form is not None:
            return exec_form
        try:
            return shlex.split(self.args, comments=False)
        except ValueError:
            return self.args.split()


@dataclass(frozen=True)
class Stage:
    index: int
    name: str | None
    image: str
    line: int
    instructions: tuple[Instruction, ...]

    def named(self, *keywords: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword in keywords]


@dataclass(frozen=True)
class Dockerfile:
    global_args: tuple[Instruction, ...]
    stages: tuple[Stage, ...]

    @property
    def final(self) -> Stage:
        return self.stages[-1]

    def stage_ref(self, name: str, before: int) -> Stage | None:
        """The earlier stage that `name` (a stage name or index) refers to, if any."""
        for stage in self.stages[:before]:
            if (stage.name is not None and stage.name == name.lower()) or str(stage.index) == name:
                return stage
        return None

    def lineage(self, stage: Stage) -> list[Stage]:
        """The stage and the earlier stages it is built FROM, nearest first."""
        chain = [stage]
        parent = self.stage_ref(stage.image, stage.index)
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self.stage_ref(parent.image, parent.index)
        return chain

    def arg_defaults(self) -> dict[str, str]:
        """Global ARG defaults, the values FROM lines can use."""
        out = {}
        for instruction in self.global_args:
            for word in instruction.words():
                name, eq, value = word.partition("=")
                if eq:
                    out[name] = value
        return out


def substitute(text: str, variables: dict[str, str]) -> str | None:
    """Expand `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME:+alt}`; None if one is unset."""
    missing = False

    def expand(match: re.Match[str]) -> str:
        nonlocal missing
        name = match.group(1) or match.group(3)
        value = variables.get(name)
        if match.group(2) == "-":
            return value if value else match.group(4)
        if match.group(2) == "+":
            return match.group(4) if value else ""
        if value is None:
            missing = True
            return ""
        return value

    result = _VARIABLE.sub(expand, text)
    return None if missing else result


def parse_dockerfile(text: str) -> Dockerfile:
    """Parse a Dockerfile; raises ConfigError naming the line of the first problem."""
    parser = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8")))
    lines = text.split("\n")
    raw = [s for s in parser.structure if s["instruction"] != "COMMENT"]
    instructions: list[Instruction] = []
    skip_until = -1
    for entry in raw:
        start = int(entry["startline"])
        if start <= skip_until:
            continue
        keyword = str(entry["instruction"]).upper()
        line = start + 1
        if keyword not in INSTRUCTIONS:
            raise ConfigError(line, f"unknown instruction {entry['instruction']!r}")
        flags, args = _split_flags(str(entry["value"]))
        body, skip_until = _heredoc_body(args, lines, int(entry["endline"]))
        instructions.append(Instruction(keyword, line, args + body, flags))
    return _stages(instructions)


def _split_flags(value: str) -> tuple[dict[str, str], str]:
    flags: dict[str, str] = {}
    rest = value.strip()
    while rest.startswith("--"):
        token, *tail = rest.split(None, 1)
        name, _, flag_value = token[2:].partition("=")
        flags[name.lower()] = flag_value
        rest = tail[0].strip() if tail else ""
    return flags, rest


def _heredoc_body(args: str, lines: list[str], end: int) -> tuple[str, int]:
    """A heredoc's body (appended to the instruction) and the 0-based line it ends on."""
    body = ""
    last = -1
    index = end + 1
    for match in _HEREDOC.finditer(args):
        strip_tabs, word = match.group(1), match.group(2)
        while index < len(lines):
            current = lines[index].lstrip("\t") if strip_tabs else lines[index]
            index += 1
            if current.rstrip("\r") == word:
                break
            body += "\n" + current
        last = index - 1
    return body, last


def _stages(instructions: list[Instruction]) -> Dockerfile:
    global_args: list[Instruction] = []
    stages: list[Stage] = []
    current: list[Instruction] | None = None
    header: Instruction | None = None
    for instruction in instructions:
        if instruction.keyword == "FROM":
            if header is not None and current is not None:
                stages.append(_stage(len(stages), header, current))
            header, current = instruction, []
        elif current is None:
            if instruction.keyword != "ARG":
                raise ConfigError(instruction.line, f"{instruction.keyword} before the first FROM")
            global_args.append(instruction)
        else:
            current.append(instruction)
    if header is None or current is None:
        raise ConfigError(1, "no FROM instruction: a Dockerfile starts from a base image")
    stages.append(_stage(len(stages), header, current))
    return Dockerfile(tuple(global_args), tuple(stages))


def _stage(index: int, header: Instruction, body: list[Instruction]) -> Stage:
    words = header.args.split()
    if len(words) == 1:
        name = None
    elif len(words) == 3 and words[1].lower() == "as":
        name = words[2].lower()
    else:
        raise ConfigError(header.line, "FROM takes an image and optionally `AS name`")
    return Stage(index, name, words[0], header.line, tuple(body))
