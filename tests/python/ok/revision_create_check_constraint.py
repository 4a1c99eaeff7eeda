"""positive quantities

Revision ID: 3e5a7c9d1f24
Revises: f2a4c6e8b0d3
Create Date: 2024-03-27 11:11:11.111111

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '3e5a7c9d1f24'
down_revision: Union[str, Sequence[str], None] = 'f2a4c6e8b0d3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_check_constraint("ck_order_line_qty_positive", "order_line", "qty > 0")
    op.create_check_constraint(
        "ck_product_price_range",
        "product",
        sa.and_(sa.column("price") >= 0, sa.column("price") < 10_000_000),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("ck_product_price_range", "product", type_="check")
    op.drop_constraint("ck_order_line_qty_positive", "order_line", type_="check")
