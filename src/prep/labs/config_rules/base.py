"""The rule engine's vocabulary: a finding, a rule, and the registries of rules and parsers.

A rule is a named check over one parsed config format. It returns the findings it has, each
pinned to the line it concerns; no findings means the rule passes. Format modules register
their parser and rules here when they are imported (see `engine`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

Format = Literal["dockerfile", "kubernetes", "github-actions", "gitlab-ci", "compose", "terraform"]

#: A rule's check takes the format's parsed document (Dockerfile, Manifests, Workflow, ...).
Check = Callable[[Any], list["Finding"]]


@dataclass(frozen=True)
class Finding:
    """One problem a rule found: the 1-based line, what is wrong, and how to put it right."""

    line: int
    problem: str
    fix: str

    @property
    def message(self) -> str:
        return f"line {self.line}: {self.problem}; {self.fix}"


@dataclass(frozen=True)
class Rule:
    """A registered rule: `summary` says what it requires, `why` why that matters."""

    id: str
    format: Format
    summary: str
    why: str
    check: Check


class ConfigError(Exception):
    """The answer could not be parsed as its format; `line` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


RULES: dict[str, Rule] = {}
PARSERS: dict[str, Callable[[str], Any]] = {}


def rule(rule_id: str, fmt: Format, summary: str, why: str) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule `rule_id`."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is registered twice")
        RULES[rule_id] = Rule(rule_id, fmt, summary, " ".join(why.split()), check)
        return check

    return register


def parser(fmt: Format) -> Callable[[Callable[[str], Any]], Callable[[str], Any]]:
    """Register the decorated function as the parser of `fmt` (raises ConfigError)."""

    def register(parse: Callable[[str], Any]) -> Callable[[str], Any]:
        PARSERS[fmt] = parse
        return parse

    return register
