"""link orders to customers

Revision ID: f2a4c6e8b0d3
Revises: 6c8e0a2b4d61
Create Date: 2024-03-26 10:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'f2a4c6e8b0d3'
down_revision: Union[str, Sequence[str], None] = '6c8e0a2b4d61'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("orders", sa.Column("customer_id", sa.Integer(), nullable=True))
    op.create_foreign_key(
        "fk_orders_customer_id_customer",
        "orders",
        "customer",
        ["customer_id"],
        ["id"],
        ondelete="SET NULL",
        onupdate="CASCADE",
    )
    op.create_foreign_key(
        op.f("fk_invoice_order_id_orders"),
        "invoice",
        "orders",
        ["order_id"],
        ["id"],
        source_schema="billing",
        referent_schema="public",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint(op.f("fk_invoice_order_id_orders"), "invoice", schema="billing", type_="foreignkey")
    op.drop_constraint("fk_orders_customer_id_customer", "orders", type_="foreignkey")
    op.drop_column("orders", "customer_id")
