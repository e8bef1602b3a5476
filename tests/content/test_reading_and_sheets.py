"""The reading list links each resource to the topics it serves; design sheets have their shape."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.check import check_content
from prep.content.loader import load_catalog
from tests.conftest import CURRICULUM, tiny_files, write_tree

runner = CliRunner()

READING = """\
resources:
  - id: r-book
    summary: A book about generators.
    read_for:
      - {topic: gens, focus: The chapter on lazy iteration.}
      - {topic: misc, focus: Everything else.}
"""


def _errors(root: Path) -> list[str]:
    return [str(d) for d in load_catalog(root).diagnostics]


def test_reading_list_loads_and_links_resources_to_topics(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "content", tiny_files() | {"reading.yaml": READING})
    catalog = load_catalog(root).require()
    [(resource, focus)] = catalog.reading_for("gens")
    assert resource.title == "A book" and focus == "The chapter on lazy iteration."
    assert catalog.reading_for("funcs") == []


def test_reading_list_must_cover_every_topic_of_a_resource_and_know_its_ids(
    tmp_path: Path,
) -> None:
    broken = READING.replace("      - {topic: misc, focus: Everything else.}\n", "").replace(
        "topic: gens", "topic: nope"
    )
    root = write_tree(tmp_path / "content", tiny_files() | {"reading.yaml": broken})
    errors = _errors(root)
    assert "reading.yaml: resources[0]: field read_for: unknown topic id 'nope'" in errors
    assert (
        "reading.yaml: resources[0]: field read_for: says nothing about topics: gens, misc"
        in errors
    )


def test_reading_list_without_an_entry_for_a_resource_is_reported(tmp_path: Path) -> None:
    two = CURRICULUM.replace(
        "resources:\n",
        'resources:\n  - {id: r-docs, title: Docs, kind: docs, seed: "Docs", topics: [funcs]}\n',
    )
    root = write_tree(
        tmp_path / "content", tiny_files() | {"curriculum.yaml": two, "reading.yaml": READING}
    )
    assert "reading.yaml: field resources: resource r-docs has no entry" in _errors(root)


def test_cli_reading_shows_what_to_read_for_a_topic(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "content", tiny_files() | {"reading.yaml": READING})
    result = runner.invoke(app, ["reading", "--topic", "gens"], env={"PREP_CONTENT": str(root)})
    assert result.exit_code == 0, result.output
    assert "A book" in result.output and "lazy iteration" in result.output
    assert "Everything else" not in result.output
    lesson = runner.invoke(app, ["lesson", "gens"], env={"PREP_CONTENT": str(root)})
    assert "Further reading" in lesson.output and "lazy iteration" in lesson.output


SHEET = """\
---
topic: misc
summary: A design.
key_points: [k]
pitfalls: [p]
---
# Design a thing

## Requirements
Many users.

## Estimates

```python
print(100 * 86_400)
```

```output
8640000
```

## API
## Data model
## Architecture
## Bottlenecks
## Scaling
## Trade-offs
## Failure modes
"""


def _design_errors(tmp_path: Path, sheet: str) -> list[str]:
    # Make the tiny curriculum's "extras" section the design section for this test.
    curriculum = CURRICULUM.replace("id: extras", "id: system-design")
    files = {
        name.replace("/extras/", "/system-design/"): text for name, text in tiny_files().items()
    }
    files |= {"curriculum.yaml": curriculum, "lessons/system-design/misc.md": sheet}
    report = check_content(write_tree(tmp_path / "content", files))
    return [str(d) for d in report.diagnostics]


def test_complete_design_sheet_passes(tmp_path: Path) -> None:
    assert _design_errors(tmp_path, SHEET) == []


def test_design_sheet_missing_a_section_or_computed_estimates_is_reported(tmp_path: Path) -> None:
    errors = _design_errors(tmp_path, SHEET.replace("## Failure modes\n", ""))
    assert errors == [
        "lessons/system-design/misc.md: field body: a design sheet needs a '## Failure modes' section"
    ]
    no_output = SHEET.replace("```output\n8640000\n```\n", "")
    errors = _design_errors(tmp_path, no_output)
    assert any("'## Estimates' section needs an executed ```python example" in e for e in errors)


def test_design_sheet_sections_must_come_in_order(tmp_path: Path) -> None:
    swapped = SHEET.replace("## API\n## Data model\n", "## Data model\n## API\n")
    [error] = _design_errors(tmp_path, swapped)
    assert "must come in the order" in error
