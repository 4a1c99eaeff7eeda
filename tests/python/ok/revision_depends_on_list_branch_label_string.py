"""audit depends on two revisions

Revision ID: a2c4e6f8b0d1
Revises: d7f9b1c3e5a8
Create Date: 2024-04-16 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a2c4e6f8b0d1'
down_revision: Union[str, Sequence[str], None] = 'd7f9b1c3e5a8'
branch_labels: Union[str, Sequence[str], None] = 'audit'
depends_on: Union[str, Sequence[str], None] = ['3f1c2a9b7d10', '8e4d61c0b2aa']


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        sa.Column("table_name", sa.String(63), nullable=False),
        sa.Column("row_id", sa.BigInteger(), nullable=False),
        sa.Column("action", sa.String(6), nullable=False),
        sa.Column("changed", sa.JSON(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP")),
        sa.CheckConstraint("action IN ('INSERT', 'UPDATE', 'DELETE')", name="ck_audit_log_action"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("audit_log")
