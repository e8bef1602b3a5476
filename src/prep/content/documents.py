"""Markdown documents with YAML front matter, and the runnable examples inside them.

Examples are ordinary fenced blocks so lessons read well anywhere Markdown renders. A ```python
block is executed by `prep content check` (and a ```sql block is run against the sample
database); when an ```output block follows it directly, the example must print exactly that
(for SQL: the rows, cells separated by ' | '). ```python no-run marks an illustrative
fragment that is shown but not executed (for code that needs a server or a network).
Configuration blocks (```yaml k8s, ```dockerfile, ...) are parsed and validated instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from markdown_it import MarkdownIt

FENCE = "---"
RUNNABLE = ("python", "sql")
#: Configuration languages whose blocks are parsed and validated (see `prep.content.artefacts`).
VALIDATED = ("yaml", "yml", "json", "dockerfile", "hcl", "terraform", "toml")
#: Fence words that mark a block as an illustration only: not executed, not validated.
OPT_OUT = ("no-run", "no-check")


class FrontMatterError(ValueError):
    pass


@dataclass(frozen=True)
class Example:
    code: str
    expected_output: str | None
    line: int  # 1-based line of the opening fence in the file
    runs: bool
    language: str = "python"  # "sql" runs against the sample database; see VALIDATED
    schema: str | None = None  # for a validated language: which schema, e.g. "k8s"


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Returns (front matter, body, number of lines before the body)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError("file must start with a '---' line opening the YAML front matter")
    end = next((i for i, line in enumerate(lines) if i and line.strip() == FENCE), None)
    if end is None:
        raise FrontMatterError("front matter is not closed by a '---' line")
    try:
        meta = yaml.safe_load("".join(lines[1:end]))
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {yaml_reason(exc)}") from None
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a YAML mapping of fields")
    return meta, "".join(lines[end + 1 :]), end + 1


def extract_examples(body: str, *, line_offset: int = 0) -> list[Example]:
    tokens = [t for t in MarkdownIt("commonmark").parse(body) if t.type == "fence"]
    examples = []
    for i, token in enumerate(tokens):
        words = token.info.lower().split()
        if not words or words[0] not in RUNNABLE + VALIDATED:
            continue
        follower = tokens[i + 1] if i + 1 < len(tokens) else None
        expected = None
        if (
            follower is not None
            and follower.info.strip() == "output"
            and token.map is not None
            and follower.map is not None
            and _only_blank_between(body, token.map[1], follower.map[0])
        ):
            expected = follower.content
        line = (token.map[0] if token.map else 0) + 1 + line_offset
        options = [w for w in words[1:] if w not in OPT_OUT]
        examples.append(
            Example(
                token.content,
                expected,
                line,
                runs=not any(w in OPT_OUT for w in words[1:]),
                language=words[0],
                schema=options[0] if options and words[0] in VALIDATED else None,
            )
        )
    return examples


def _only_blank_between(body: str, start: int, end: int) -> bool:
    return all(not line.strip() for line in body.splitlines()[start:end])


def yaml_reason(exc: yaml.YAMLError) -> str:
    """A one-line explanation of a YAML error with its position, for diagnostics."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is not None:
        return f"{problem} (line {mark.line + 1}, column {mark.column + 1})"
    return str(problem)
