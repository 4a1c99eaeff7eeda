"""archive old rows

Revision ID: 5f7b9d1e3a42
Revises: 9e1a3c5d7f20
Create Date: 2024-04-13 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5f7b9d1e3a42'
down_revision: Union[str, Sequence[str], None] = '9e1a3c5d7f20'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


ARCHIVED = {"orders": "placed_at", "events": "occurred_at", "logins": "at"}
CUTOFF_DAYS = 365 * 2


def upgrade() -> None:
    """Upgrade schema."""
    for table, column in ARCHIVED.items():
        op.execute(f"CREATE TABLE {table}_archive AS SELECT * FROM {table} WHERE 1 = 0")
        op.execute(
            f"INSERT INTO {table}_archive SELECT * FROM {table} "
            f"WHERE {column} < date('now', '-{CUTOFF_DAYS} days')"
        )
        op.execute(f"DELETE FROM {table} WHERE {column} < date('now', '-{CUTOFF_DAYS} days')")


def downgrade() -> None:
    """Downgrade schema."""
    for table in ARCHIVED:
        op.execute(f"INSERT INTO {table} SELECT * FROM {table}_archive")
        op.drop_table(f"{table}_archive")
