"""invoice references users

Revision ID: d7f9b1c3e5a8
Revises: b1d3f5a7c9e2
Create Date: 2024-04-15 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd7f9b1c3e5a8'
down_revision: Union[str, Sequence[str], None] = 'b1d3f5a7c9e2'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = '3f1c2a9b7d10'


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("invoice", sa.Column("user_id", sa.Integer(), nullable=True), schema="billing")
    op.create_foreign_key(
        "fk_invoice_user_id_users",
        "invoice",
        "users",
        ["user_id"],
        ["id"],
        source_schema="billing",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("fk_invoice_user_id_users", "invoice", schema="billing", type_="foreignkey")
    op.drop_column("invoice", "user_id", schema="billing")
