"""order status enum

Revision ID: 6e8a0c2d4f79
Revises: 4c6e8a0b2d57
Create Date: 2024-05-02 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '6e8a0c2d4f79'
down_revision: Union[str, Sequence[str], None] = '4c6e8a0b2d57'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


order_status = postgresql.ENUM("pending", "paid", "shipped", "cancelled", name="order_status", create_type=False)


def upgrade() -> None:
    """Upgrade schema."""
    order_status.create(op.get_bind(), checkfirst=True)
    op.add_column(
        "orders",
        sa.Column("status", order_status, nullable=False, server_default="pending"),
    )
    op.add_column(
        "orders",
        sa.Column("channel", sa.Enum("web", "app", "store", name="order_channel"), nullable=True),
    )
    op.add_column("orders", sa.Column("tags", postgresql.ARRAY(sa.String()), server_default="{}"))
    op.add_column("orders", sa.Column("extra", postgresql.JSONB(astext_type=sa.Text()), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("orders", "extra")
    op.drop_column("orders", "tags")
    op.drop_column("orders", "channel")
    sa.Enum(name="order_channel").drop(op.get_bind(), checkfirst=True)
    op.drop_column("orders", "status")
    order_status.drop(op.get_bind(), checkfirst=True)
