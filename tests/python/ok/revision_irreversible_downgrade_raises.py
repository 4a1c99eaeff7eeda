"""irreversible cleanup

Revision ID: a0c2e4b6d8f1
Revises: 8c0e2a4b6d97
Create Date: 2024-05-18 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a0c2e4b6d8f1'
down_revision: Union[str, Sequence[str], None] = '8c0e2a4b6d97'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # purge soft-deleted rows for good; there is no way back
    op.execute("DELETE FROM comments WHERE deleted_at IS NOT NULL")
    op.drop_column("comments", "deleted_at")


def downgrade() -> None:
    """Downgrade schema."""
    raise NotImplementedError("this migration cannot be reversed: deleted comments are gone")
