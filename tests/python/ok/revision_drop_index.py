"""drop unused indexes

Revision ID: 19b3d5f7a9c0
Revises: d5c7e9f1a3b4
Create Date: 2024-03-22 08:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '19b3d5f7a9c0'
down_revision: Union[str, Sequence[str], None] = 'd5c7e9f1a3b4'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


UNUSED = ["ix_posts_title", "ix_users_lower_email"]


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_index("ix_posts_title", table_name="posts")
    op.drop_index("ix_users_lower_email", table_name="users", if_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.create_index("ix_users_lower_email", "users", [sa.text("lower(email)")], if_not_exists=True)
    op.create_index("ix_posts_title", "posts", ["title"])
