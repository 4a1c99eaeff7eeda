"""touch updated_at trigger

Revision ID: 6c8e0a2b4d79
Revises: 4a6c8e0f2b57
Create Date: 2024-05-07 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '6c8e0a2b4d79'
down_revision: Union[str, Sequence[str], None] = '4a6c8e0f2b57'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


TABLES = ("users", "posts")


def upgrade() -> None:
    """Upgrade schema."""
    for table in TABLES:
        op.execute(
            f'''
            CREATE TRIGGER trg_{table}_updated_at
            AFTER UPDATE ON {table}
            FOR EACH ROW
            BEGIN
                UPDATE {table} SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
            END;
            '''
        )


def downgrade() -> None:
    """Downgrade schema."""
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_updated_at")
