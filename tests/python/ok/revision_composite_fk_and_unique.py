"""composite keys for stock

Revision ID: 2c4e6a8b0d31
Revises: 0a2c4e6f8b19
Create Date: 2024-05-14 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '2c4e6a8b0d31'
down_revision: Union[str, Sequence[str], None] = '0a2c4e6f8b19'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "warehouse",
        sa.Column("region", sa.String(10), nullable=False),
        sa.Column("code", sa.String(10), nullable=False),
        sa.Column("name", sa.String(100)),
        sa.PrimaryKeyConstraint("region", "code", name="pk_warehouse"),
    )
    op.create_table(
        "stock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("wh_region", sa.String(10), nullable=False),
        sa.Column("wh_code", sa.String(10), nullable=False),
        sa.Column("sku", sa.String(40), nullable=False),
        sa.Column("quantity", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["wh_region", "wh_code"],
            ["warehouse.region", "warehouse.code"],
            name="fk_stock_warehouse",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("wh_region", "wh_code", "sku", name="uq_stock_location_sku"),
        sa.CheckConstraint("quantity >= 0", name="ck_stock_quantity"),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("stock")
    op.drop_table("warehouse")
