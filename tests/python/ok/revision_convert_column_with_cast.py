"""convert price to cents

Revision ID: 2b4d6f8a0c39
Revises: 0f2b4d6e8a17
Create Date: 2024-05-27 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '2b4d6f8a0c39'
down_revision: Union[str, Sequence[str], None] = '0f2b4d6e8a17'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


product = sa.table(
    "product",
    sa.column("id", sa.Integer),
    sa.column("price", sa.Numeric(10, 2)),
    sa.column("price_cents", sa.BigInteger),
)


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("product", sa.Column("price_cents", sa.BigInteger(), nullable=True))
    op.execute(product.update().values(price_cents=sa.cast(product.c.price * 100, sa.BigInteger)))
    with op.batch_alter_table("product") as batch_op:
        batch_op.alter_column("price_cents", nullable=False, existing_type=sa.BigInteger())
        batch_op.drop_column("price")


def downgrade() -> None:
    """Downgrade schema."""
    op.add_column("product", sa.Column("price", sa.Numeric(10, 2), nullable=True))
    op.execute(product.update().values(price=product.c.price_cents / 100.0))
    op.drop_column("product", "price_cents")
