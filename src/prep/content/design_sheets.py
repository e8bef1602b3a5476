"""The shape every system-design lesson must have: a worked design sheet, not an essay.

A candidate practises against the same headings an interviewer walks through, and the
back-of-envelope numbers are an executed example, so the arithmetic we show is never wrong.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from prep.content.documents import extract_examples

DESIGN_SECTION = "system-design"
#: The headings (level 2, in this order) of a design sheet, matched by their start.
SHEET_HEADINGS = (
    "Requirements",
    "Estimates",
    "API",
    "Data model",
    "Architecture",
    "Bottlenecks",
    "Scaling",
    "Trade-offs",
    "Failure modes",
)


def design_sheet_problems(body: str) -> list[str]:
    """What is missing from a design sheet; empty when it is complete."""
    tokens = MarkdownIt("commonmark").parse(body)
    headings: list[tuple[str, int]] = []  # (title, body line)
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2" and token.map is not None:
            headings.append((tokens[i + 1].content.strip(), token.map[0]))
    titles = [title.lower() for title, _ in headings]
    problems = []
    positions = []
    for wanted in SHEET_HEADINGS:
        found = next((i for i, t in enumerate(titles) if t.startswith(wanted.lower())), None)
        if found is None:
            problems.append(f"a design sheet needs a '## {wanted}' section")
        else:
            positions.append(found)
    if not problems and positions != sorted(positions):
        problems.append(
            "the design sheet's sections must come in the order: " + ", ".join(SHEET_HEADINGS)
        )
    if not problems and not _estimates_are_computed(body, headings):
        problems.append(
            "the '## Estimates' section needs an executed ```python example with an ```output "
            "block, so the arithmetic is checked"
        )
    return problems


def _estimates_are_computed(body: str, headings: list[tuple[str, int]]) -> bool:
    starts = [line for _, line in headings]
    index = next(i for i, (t, _) in enumerate(headings) if t.lower().startswith("estimates"))
    begin = starts[index]
    end = starts[index + 1] if index + 1 < len(starts) else len(body.splitlines())
    # Re-extracted from the body alone, so example lines count from the body's first line.
    return any(
        ex.language == "python"
        and ex.runs
        and ex.expected_output is not None
        and begin <= ex.line - 1 < end
        for ex in extract_examples(body)
    )
