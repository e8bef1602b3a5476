"""Index card states by (user, due, card id): "what next" reads the ids of the cards due now in
(due, card id) order on every request; with the card id in the index that is one range scan of
the index, where (user, due) alone needed a table lookup per row and then a sort.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_card_states_user_due_card", "card_states", ["user_id", "due", "card_id"])
    # Every query the old index served, the new one serves as well.
    op.drop_index("ix_card_states_user_due", table_name="card_states")


def downgrade() -> None:
    op.create_index("ix_card_states_user_due", "card_states", ["user_id", "due"])
    op.drop_index("ix_card_states_user_due_card", table_name="card_states")
