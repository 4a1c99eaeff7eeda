"""start billing branch

Revision ID: b1d3f5a7c9e2
Revises: 
Create Date: 2024-04-01 08:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b1d3f5a7c9e2'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = ('billing',)
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE SCHEMA IF NOT EXISTS billing")
    op.create_table(
        "invoice",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(20), nullable=False, unique=True),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        schema="billing",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("invoice", schema="billing")
    op.execute("DROP SCHEMA IF EXISTS billing")
