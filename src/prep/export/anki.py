"""Export every card as an Anki deck (.apkg), for candidates who already live in Anki.

Each card keeps its catalog id as the note's GUID, so importing a newer export updates the notes
in place instead of duplicating them (and keeps the candidate's Anki review history). Code keeps
its formatting: highlighted with inline styles, since Anki ships no stylesheet of ours.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import genanki
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from prep.content.catalog import Card, Catalog
from prep.content.models import ChoiceCard, ClozeCard, OutputCard, RecallCard, SqlCard
from prep.content.sample_db import QueryError, render_cell, run_query

ROOT_DECK = "prep"
# Fixed ids: Anki identifies note types by id, so they must never change between exports.
BASIC_MODEL_ID = 1_719_305_113
CLOZE_MODEL_ID = 1_719_305_114
CSS = """\
.card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left; color: #1d2430; }
pre { background: #f6f8fa; padding: 8px 10px; border-radius: 6px; font-size: 15px;
      overflow-x: auto; text-align: left; }
.why { color: #555; border-left: 3px solid #ccc; padding-left: 8px; margin-top: 12px; }
ol.options { list-style-type: lower-alpha; }
.correct { font-weight: bold; color: #1f7a3a; }
table.rows { border-collapse: collapse; } table.rows td, table.rows th { border: 1px solid #ccc;
  padding: 2px 8px; }
"""

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "prep: question and answer",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Id"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
        }
    ],
    css=CSS,
    sort_field_index=2,
)
CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "prep: cloze",
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Id"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}<br>{{Back Extra}}",
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
    sort_field_index=2,
)

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


@dataclass(frozen=True)
class AnkiExport:
    path: Path
    notes: int
    decks: int


def export_anki(catalog: Catalog, out: Path, *, section: str | None = None) -> AnkiExport:
    """Write an .apkg with one sub-deck per section (`prep::Core Python`, ...)."""
    decks = []
    notes = 0
    for sec in catalog.sections:
        if section is not None and sec.id != section:
            continue
        deck = genanki.Deck(_deck_id(sec.id), f"{ROOT_DECK}::{sec.title}")
        for topic in catalog.topics_in(sec.id):
            for card in catalog.cards_for(topic.id):
                deck.add_note(to_note(catalog, card, [f"prep::{sec.id}", f"prep::{topic.id}"]))
                notes += 1
        decks.append(deck)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed, so a failed export never leaves half a file.
    partial = out.with_name(out.name + ".partial")
    genanki.Package(decks).write_to_file(str(partial))
    partial.replace(out)
    return AnkiExport(out, notes, len(decks))


def to_note(catalog: Catalog, card: Card, tags: Iterable[str]) -> genanki.Note:
    spec = card.spec
    all_tags = [*tags, f"prep::kind::{spec.kind}", f"prep::{spec.difficulty}"]
    guid = genanki.guid_for(card.id)
    why = f'<div class="why">{_md(spec.explanation)}</div>' if spec.explanation else ""
    if isinstance(spec, ClozeCard):
        text = f"<pre>{html.escape(spec.text, quote=False)}</pre>" if spec.lang else _md(spec.text)
        front = _md(spec.prompt) + text
        return genanki.Note(CLOZE_MODEL, [front, why, card.id], tags=all_tags, guid=guid)
    front = _md(spec.prompt) + (_code(spec.code, "python") if spec.code else "")
    if isinstance(spec, RecallCard):
        back = _md(spec.answer)
    elif isinstance(spec, ChoiceCard):
        front += (
            '<ol class="options">'
            + "".join(f"<li>{_md(o.text)}</li>" for o in spec.options)
            + "</ol>"
        )
        back = "".join(
            f'<p class="correct">{chr(ord("a") + i)}) {_md_inline(o.text)}</p>'
            for i, o in enumerate(spec.options)
            if o.correct
        )
    elif isinstance(spec, OutputCard):
        back = f"<pre>{html.escape(spec.output.rstrip())}</pre>"
    else:
        assert isinstance(spec, SqlCard)
        if spec.setup:
            front += "<p>After running:</p>" + _code(spec.setup, "sql")
        front += _code(spec.query, "sql")
        back = _rows(catalog, spec)
    return genanki.Note(BASIC_MODEL, [front, back + why, card.id], tags=all_tags, guid=guid)


def _rows(catalog: Catalog, spec: SqlCard) -> str:
    """The rows, computed now from the sample database: the deck never stores a stale answer."""
    try:
        result = run_query(catalog.root, spec.query, spec.setup)
    except QueryError as exc:  # content check prevents this; say so rather than crash
        return f"<p>(the query failed: {html.escape(str(exc))})</p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in result.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(render_cell(v))}</td>" for v in row) + "</tr>"
        for row in result.rows
    )
    return (
        f'<table class="rows"><tr>{head}</tr>{body}</table>' if result.rows else "<p>(no rows)</p>"
    )


def _md(text: str) -> str:
    return str(_markdown.render(text))


def _md_inline(text: str) -> str:
    return str(_markdown.renderInline(text))


def _code(code: str, language: str) -> str:
    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    return str(highlight(code, lexer, HtmlFormatter(noclasses=True, nobackground=True)))


def _deck_id(section_id: str) -> int:
    """Stable per section: re-importing lands cards in the same decks."""
    digest = hashlib.sha256(f"prep-deck:{section_id}".encode()).digest()
    return 1 << 30 | int.from_bytes(digest[:4], "big") >> 2
