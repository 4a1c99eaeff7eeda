"""concurrent index

Revision ID: 4e6a8c0d2f53
Revises: 2c4e6a8b0d31
Create Date: 2024-05-15 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4e6a8c0d2f53'
down_revision: Union[str, Sequence[str], None] = '2c4e6a8b0d31'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction block
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_orders_customer_placed",
            "orders",
            ["customer_id", "placed_at"],
            postgresql_concurrently=True,
            if_not_exists=True,
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.get_context().autocommit_block():
        op.drop_index("ix_orders_customer_placed", table_name="orders", postgresql_concurrently=True)
