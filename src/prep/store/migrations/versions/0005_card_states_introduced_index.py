"""Index card states by the day they were introduced: the daily new-card limit counts them on
every "what next" query, which otherwise reads every state row of the user.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_card_states_user_introduced", "card_states", ["user_id", "introduced_at"])


def downgrade() -> None:
    op.drop_index("ix_card_states_user_introduced", table_name="card_states")
