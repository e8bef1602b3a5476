"""What most commands need: the catalog, the database and the current user, or a clear error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from prep.cli.catalog_access import open_catalog
from prep.cli.output import fail
from prep.content.catalog import Catalog
from prep.paths import database_path
from prep.store.database import Database, DatabaseError, open_database
from prep.store.migrate import MigrationError


@dataclass(frozen=True)
class Context:
    catalog: Catalog
    db: Database
    user_id: int


@contextmanager
def open_context() -> Iterator[Context]:
    catalog = open_catalog()
    db = open_store()
    try:
        yield Context(catalog, db, db.local_user_id())
    finally:
        db.close()


def open_store() -> Database:
    try:
        return open_database(database_path())
    except (DatabaseError, MigrationError) as exc:
        fail(str(exc))
