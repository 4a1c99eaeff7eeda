"""active users view

Revision ID: 4a6c8e0f2b57
Revises: 2e4a6c8d0f35
Create Date: 2024-05-06 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4a6c8e0f2b57'
down_revision: Union[str, Sequence[str], None] = '2e4a6c8d0f35'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


VIEW_SQL = """
CREATE VIEW active_users AS
SELECT u.id,
       u.email,
       count(p.id) AS post_count
  FROM users AS u
  LEFT JOIN posts AS p ON p.author_id = u.id
 WHERE u.is_active
 GROUP BY u.id, u.email
"""


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(VIEW_SQL)


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP VIEW IF EXISTS active_users")
