"""drop nickname

Revision ID: 0b2d4f6a8c17
Revises: e4a6c8f0b2d5
Create Date: 2024-05-21 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0b2d4f6a8c17'
down_revision: Union[str, Sequence[str], None] = 'e4a6c8f0b2d5'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_index(op.f("ix_users_nickname"), table_name="users")
    op.drop_constraint("uq_users_nickname", "users", type_="unique")
    op.drop_column("users", "nickname")


def downgrade() -> None:
    """Downgrade schema."""
    op.add_column(
        "users",
        sa.Column("nickname", sa.VARCHAR(length=30), autoincrement=False, nullable=True),
    )
    op.create_unique_constraint("uq_users_nickname", "users", ["nickname"])
    op.create_index(op.f("ix_users_nickname"), "users", ["nickname"], unique=False)
