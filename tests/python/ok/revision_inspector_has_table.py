"""idempotent profile table

Revision ID: c2e4a6b8d0f5
Revises: a0c2e4f6b8d3
Create Date: 2024-05-10 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c2e4a6b8d0f5'
down_revision: Union[str, Sequence[str], None] = 'a0c2e4f6b8d3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    inspector = sa.inspect(op.get_bind())
    if not inspector.has_table("profile"):
        op.create_table(
            "profile",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), unique=True),
            sa.Column("bio", sa.Text()),
        )
    columns = {c["name"] for c in inspector.get_columns("users")}
    if "avatar_url" not in columns:
        op.add_column("users", sa.Column("avatar_url", sa.String(500)))
    existing = [ix["name"] for ix in inspector.get_indexes("users")]
    if "ix_users_avatar_url" not in existing:
        op.create_index("ix_users_avatar_url", "users", ["avatar_url"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_users_avatar_url", table_name="users")
    op.drop_column("users", "avatar_url")
    op.drop_table("profile")
