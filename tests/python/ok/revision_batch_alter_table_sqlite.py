"""sqlite friendly user changes

Revision ID: f0b2d4e6a8c9
Revises: 6b8d0f2a4c71
Create Date: 2024-04-10 11:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'f0b2d4e6a8c9'
down_revision: Union[str, Sequence[str], None] = '6b8d0f2a4c71'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.String(length=30), nullable=True))
        batch_op.alter_column("email", existing_type=sa.VARCHAR(length=255), nullable=False)
        batch_op.create_index(batch_op.f("ix_users_nickname"), ["nickname"], unique=False)
        batch_op.create_unique_constraint("uq_users_nickname", ["nickname"])
        batch_op.drop_column("legacy_flag")


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legacy_flag", sa.BOOLEAN(), nullable=True))
        batch_op.drop_constraint("uq_users_nickname", type_="unique")
        batch_op.drop_index(batch_op.f("ix_users_nickname"))
        batch_op.alter_column("email", existing_type=sa.VARCHAR(length=255), nullable=True)
        batch_op.drop_column("nickname")
