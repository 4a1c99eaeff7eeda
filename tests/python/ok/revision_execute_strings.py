"""seed reference data with execute

Revision ID: 2f4b6d8e0a13
Revises: 0d2f4a6c8e19
Create Date: 2024-04-02 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '2f4b6d8e0a13'
down_revision: Union[str, Sequence[str], None] = '0d2f4a6c8e19'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("INSERT INTO role (name) VALUES ('admin')")
    op.execute("INSERT INTO role (name) VALUES ('editor'), ('viewer')")
    op.execute(
        "UPDATE users SET role_id = (SELECT id FROM role WHERE name = 'viewer') "
        "WHERE role_id IS NULL"
    )
    op.execute('DELETE FROM "role" WHERE name = \'guest\'')


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("UPDATE users SET role_id = NULL")
    op.execute("DELETE FROM role WHERE name IN ('admin', 'editor', 'viewer')")
