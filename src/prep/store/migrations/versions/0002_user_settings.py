"""Per-user settings: desired retention, daily new-card limit, interview date.

Revision ID: 0002
Revises: 0001

Every existing user gets a settings row with the defaults, so code can rely on one existing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_settings",
        sa.Column(
            "user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("desired_retention", sa.Float(), nullable=False),
        sa.Column("new_cards_per_day", sa.Integer(), nullable=False),
        sa.Column("interview_date", sa.Date(), nullable=True),
    )
    op.execute(
        "INSERT INTO user_settings (user_id, desired_retention, new_cards_per_day) "
        "SELECT id, 0.9, 20 FROM users"
    )


def downgrade() -> None:
    op.drop_table("user_settings")
