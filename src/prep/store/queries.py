"""Read queries shared by the services."""

from __future__ import annotations

from sqlalchemy import select

from prep.store.database import Database
from prep.store.models import CardState


def card_states(db: Database, user_id: int) -> dict[str, CardState]:
    """Every scheduled card of the user, by card id (detached rows, safe to read after return)."""
    with db.session() as session:
        return {
            r.card_id: r
            for r in session.scalars(select(CardState).where(CardState.user_id == user_id))
        }
