"""Alembic environment: migrations always run on a connection prep hands over."""

from __future__ import annotations

from alembic import context

from prep.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "prep runs migrations itself; open the database with prep instead of alembic"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
