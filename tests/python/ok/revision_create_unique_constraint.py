"""unique sku per vendor

Revision ID: 6c8e0a2b4d61
Revises: 19b3d5f7a9c0
Create Date: 2024-03-25 15:15:15.151515

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '6c8e0a2b4d61'
down_revision: Union[str, Sequence[str], None] = '19b3d5f7a9c0'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_unique_constraint("uq_product_vendor_sku", "product", ["vendor_id", "sku"])
    op.create_unique_constraint(op.f("uq_vendor_slug"), "vendor", ["slug"], schema="catalog")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint(op.f("uq_vendor_slug"), "vendor", schema="catalog", type_="unique")
    op.drop_constraint("uq_product_vendor_sku", "product", type_="unique")
