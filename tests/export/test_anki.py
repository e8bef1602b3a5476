"""The Anki export: a real .apkg, read back with sqlite3 as Anki would read it."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from prep.cli.app import app
from prep.content.catalog import Catalog
from prep.export.anki import BASIC_MODEL_ID, CLOZE_MODEL_ID, export_anki

runner = CliRunner()


def _notes(apkg: Path, tmp: Path) -> list[tuple[str, int, list[str], str]]:
    with zipfile.ZipFile(apkg) as package:
        package.extract("collection.anki2", tmp)
    with sqlite3.connect(tmp / "collection.anki2") as db:
        rows = db.execute("SELECT guid, mid, flds, tags FROM notes").fetchall()
    return [(guid, mid, flds.split("\x1f"), tags) for guid, mid, flds, tags in rows]


def test_every_card_becomes_a_note_with_its_kind_kept(
    tiny_catalog: Catalog, tmp_path: Path
) -> None:
    result = export_anki(tiny_catalog, tmp_path / "out.apkg")
    notes = _notes(result.path, tmp_path)
    assert len(notes) == result.notes == len(tiny_catalog.cards)
    by_id = {fields[-1]: (mid, fields, tags) for _, mid, fields, tags in notes}
    assert set(by_id) == set(tiny_catalog.cards)
    for card_id, (mid, _fields, tags) in by_id.items():
        kind = tiny_catalog.cards[card_id].kind
        assert mid == (CLOZE_MODEL_ID if kind == "cloze" else BASIC_MODEL_ID)
        assert f"prep::kind::{kind}" in tags
    output = by_id["gens/lazy"][1]
    assert "<pre>[0, 1] []</pre>" in output[1]  # the stored output, formatting kept
    assert "range" in output[0] and "<pre" in output[0]  # highlighted code on the front


def test_cloze_blanks_survive_and_sql_answers_are_computed(
    tiny_catalog: Catalog, tmp_path: Path
) -> None:
    notes = _notes(export_anki(tiny_catalog, tmp_path / "out.apkg").path, tmp_path)
    cloze = [fields for _, mid, fields, _ in notes if mid == CLOZE_MODEL_ID]
    assert cloze and all("{{c1::" in fields[0] for fields in cloze)
    sql = [fields for _, _, fields, _ in notes if tiny_catalog.cards[fields[-1]].kind == "sql"]
    assert all('<table class="rows">' in f[1] or "(no rows)" in f[1] for f in sql)


def test_re_exporting_keeps_note_ids_so_anki_updates_instead_of_duplicating(
    tiny_catalog: Catalog, tmp_path: Path
) -> None:
    first = {
        g for g, *_ in _notes(export_anki(tiny_catalog, tmp_path / "a.apkg").path, tmp_path / "a")
    }
    second = {
        g for g, *_ in _notes(export_anki(tiny_catalog, tmp_path / "b.apkg").path, tmp_path / "b")
    }
    assert first == second and len(first) == len(tiny_catalog.cards)


def test_cli_exports_one_section_and_refuses_bad_arguments(
    tiny_content: Path, tmp_path: Path
) -> None:
    env = {"PREP_CONTENT": str(tiny_content)}
    out = tmp_path / "deck.apkg"
    done = runner.invoke(app, ["export", "anki", "--out", str(out), "--section", "extras"], env=env)
    assert done.exit_code == 0, done.output
    assert "in 1 deck(s)" in done.output and out.is_file()
    bad = runner.invoke(app, ["export", "anki", "--section", "nope"], env=env)
    assert bad.exit_code == 1 and "unknown section 'nope'" in bad.output
    wrong = runner.invoke(app, ["export", "anki", "--out", str(tmp_path / "deck.zip")], env=env)
    assert wrong.exit_code == 1 and "must end in .apkg" in wrong.output


def test_the_real_catalog_exports_every_card(real_catalog: Catalog, tmp_path: Path) -> None:
    result = export_anki(real_catalog, tmp_path / "all.apkg")
    assert result.notes == len(real_catalog.cards) and result.decks == 9
