"""drop legacy sessions table

Revision ID: c47a90e1f5d3
Revises: 8e4d61c0b2aa
Create Date: 2024-03-10 17:02:44.900310

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c47a90e1f5d3'
down_revision: Union[str, Sequence[str], None] = '8e4d61c0b2aa'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_index("ix_legacy_sessions_token", table_name="legacy_sessions")
    op.drop_table("legacy_sessions")


def downgrade() -> None:
    """Downgrade schema."""
    op.create_table(
        "legacy_sessions",
        sa.Column("id", sa.INTEGER(), autoincrement=False, nullable=False),
        sa.Column("token", sa.VARCHAR(length=64), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.INTEGER(), autoincrement=False, nullable=True),
        sa.Column("expires", sa.TIMESTAMP(), autoincrement=False, nullable=True),
        sa.PrimaryKeyConstraint("id", name="legacy_sessions_pkey"),
    )
    op.create_index("ix_legacy_sessions_token", "legacy_sessions", ["token"], unique=True)
