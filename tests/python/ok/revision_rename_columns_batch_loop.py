"""rename columns in batch

Revision ID: 2e4a6c8d0f35
Revises: 0c2e4a6b8d13
Create Date: 2024-05-05 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '2e4a6c8d0f35'
down_revision: Union[str, Sequence[str], None] = '0c2e4a6b8d13'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


RENAMES = [
    ("user", "fname", "first_name"),
    ("user", "lname", "last_name"),
    ("item", "desc", "description"),
]


def upgrade() -> None:
    """Upgrade schema."""
    for table, old, new in RENAMES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(old, new_column_name=new)


def downgrade() -> None:
    """Downgrade schema."""
    for table, old, new in reversed(RENAMES):
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(new, new_column_name=old)
