"""drop tables if exist

Revision ID: 8d0f2b4c6e95
Revises: 6b8d0f2a4c73
Create Date: 2024-05-25 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '8d0f2b4c6e95'
down_revision: Union[str, Sequence[str], None] = '6b8d0f2a4c73'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


OBSOLETE = ("tmp_import", "tmp_export", "old_stats")


def upgrade() -> None:
    """Upgrade schema."""
    for name in OBSOLETE:
        op.execute(sa.text(f'DROP TABLE IF EXISTS "{name}"'))
    op.drop_table("old_counters", if_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.create_table(
        "old_counters",
        sa.Column("name", sa.String(50), primary_key=True),
        sa.Column("value", sa.BigInteger(), nullable=False, server_default="0"),
        if_not_exists=True,
    )
