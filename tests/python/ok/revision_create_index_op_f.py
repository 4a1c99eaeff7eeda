"""add search indexes

Revision ID: d5c7e9f1a3b4
Revises: a8d2f4c6e013
Create Date: 2024-03-21 12:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd5c7e9f1a3b4'
down_revision: Union[str, Sequence[str], None] = 'a8d2f4c6e013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(op.f("ix_users_email"), "users", ["email"], unique=True)
    op.create_index(op.f("ix_posts_title"), "posts", ["title"], unique=False)
    op.create_index(
        "ix_posts_author_published",
        "posts",
        ["author_id", sa.text("published_at DESC")],
        unique=False,
    )
    op.create_index("ix_users_lower_email", "users", [sa.text("lower(email)")])
    op.create_index(
        "ix_posts_live",
        "posts",
        ["published_at"],
        postgresql_where=sa.text("published_at IS NOT NULL"),
        sqlite_where=sa.text("published_at IS NOT NULL"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_posts_live", table_name="posts")
    op.drop_index("ix_users_lower_email", table_name="users")
    op.drop_index("ix_posts_author_published", table_name="posts")
    op.drop_index(op.f("ix_posts_title"), table_name="posts")
    op.drop_index(op.f("ix_users_email"), table_name="users")
