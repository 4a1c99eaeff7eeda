"""add timestamps everywhere

Revision ID: 9e1a3c5d7f20
Revises: 2c4e6a8b0d13
Create Date: 2024-04-12 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '9e1a3c5d7f20'
down_revision: Union[str, Sequence[str], None] = '2c4e6a8b0d13'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


TABLES = ["users", "posts", "comments", "tags"]


def upgrade() -> None:
    """Upgrade schema."""
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        )
        op.add_column(table, sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        op.create_index(op.f(f"ix_{table}_created_at"), table, ["created_at"])


def downgrade() -> None:
    """Downgrade schema."""
    for table in reversed(TABLES):
        op.drop_index(op.f(f"ix_{table}_created_at"), table_name=table)
        op.drop_column(table, "updated_at")
        op.drop_column(table, "created_at")
