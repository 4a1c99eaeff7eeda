"""document tables

Revision ID: 0d2f4a6c8e19
Revises: b4d6f8a0c2e5
Create Date: 2024-04-01 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0d2f4a6c8e19'
down_revision: Union[str, Sequence[str], None] = 'b4d6f8a0c2e5'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table_comment("users", "Registered accounts", existing_comment=None)
    op.create_table_comment("orders", "주문 내역", schema="shop")
    op.alter_column(
        "users",
        "email",
        existing_type=sa.String(255),
        comment="login e-mail, lower-cased",
        existing_nullable=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("users", "email", existing_type=sa.String(255), comment=None, existing_comment="login e-mail, lower-cased")
    op.drop_table_comment("orders", existing_comment="주문 내역", schema="shop")
    op.drop_table_comment("users", existing_comment="Registered accounts")
