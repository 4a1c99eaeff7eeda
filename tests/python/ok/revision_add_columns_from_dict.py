"""add profile columns

Revision ID: 0a2c4e6f8b19
Revises: e4a6c8d0f2b7
Create Date: 2024-05-13 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0a2c4e6f8b19'
down_revision: Union[str, Sequence[str], None] = 'e4a6c8d0f2b7'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


NEW_COLUMNS = {
    "bio": sa.Text(),
    "website": sa.String(200),
    "birthday": sa.Date(),
    "karma": sa.Integer(),
}


def upgrade() -> None:
    """Upgrade schema."""
    for name, type_ in NEW_COLUMNS.items():
        op.add_column("users", sa.Column(name, type_, nullable=True))
    op.add_column("users", sa.Column("karma_updated", sa.DateTime(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("users", "karma_updated")
    for name in reversed(list(NEW_COLUMNS)):
        op.drop_column("users", name)
