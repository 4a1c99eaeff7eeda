"""widen price and title

Revision ID: 4b0f6e2d8a93
Revises: 27c8e9d0a4b1
Create Date: 2024-03-18 16:44:12.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4b0f6e2d8a93'
down_revision: Union[str, Sequence[str], None] = '27c8e9d0a4b1'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column(
        "product",
        "price",
        existing_type=sa.NUMERIC(precision=8, scale=2),
        type_=sa.Numeric(precision=12, scale=2),
        existing_nullable=False,
    )
    op.alter_column(
        "product",
        "title",
        existing_type=sa.VARCHAR(length=100),
        type_=sa.String(length=255),
        existing_nullable=True,
        existing_server_default=None,
    )
    op.alter_column(
        "product",
        "legacy_code",
        type_=sa.Integer(),
        postgresql_using="legacy_code::integer",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("product", "legacy_code", type_=sa.String(length=20))
    op.alter_column("product", "title", existing_type=sa.String(length=255), type_=sa.VARCHAR(length=100))
    op.alter_column("product", "price", existing_type=sa.Numeric(12, 2), type_=sa.NUMERIC(8, 2))
