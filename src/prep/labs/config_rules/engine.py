"""Run declared rules over one config file: parse it once, then check each rule."""

from __future__ import annotations

from dataclasses import dataclass

# Importing the format modules registers their parsers and rules.
from prep.labs.config_rules import (  # noqa: F401
    compose,
    dockerfile,
    github_actions,
    github_deploys,
    gitlab_ci,
    kubernetes,
    kubernetes_traffic,
    terraform,
    terraform_aws,
)
from prep.labs.config_rules.base import PARSERS, RULES, Finding, Rule


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def line(self) -> int | None:
        return self.findings[0].line if self.findings else None

    @property
    def message(self) -> str | None:
        return "\n".join(f.message for f in self.findings) if self.findings else None


def unknown_rules(fmt: str, rule_ids: tuple[str, ...]) -> list[str]:
    """Declared ids that are not rules of this format (a content error, not a user one)."""
    return [r for r in rule_ids if r not in RULES or RULES[r].format != fmt]


def evaluate(fmt: str, text: str, rule_ids: tuple[str, ...]) -> list[RuleResult]:
    """Check `text` against each rule; raises ConfigError when it does not parse."""
    document = PARSERS[fmt](text)
    return [RuleResult(RULES[r], tuple(RULES[r].check(document))) for r in rule_ids]
