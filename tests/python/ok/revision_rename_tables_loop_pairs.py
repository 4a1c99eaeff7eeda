"""rename tables with constraints

Revision ID: c2e4a6d8f0b3
Revises: a0c2e4b6d8f1
Create Date: 2024-05-19 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c2e4a6d8f0b3'
down_revision: Union[str, Sequence[str], None] = 'a0c2e4b6d8f1'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


PAIRS = [("tbl_user", "users"), ("tbl_post", "posts"), ("tbl_tag", "tags")]


def upgrade() -> None:
    """Upgrade schema."""
    for old, new in PAIRS:
        op.rename_table(old, new)
        op.execute(f"ALTER INDEX IF EXISTS {old}_pkey RENAME TO {new}_pkey")
        op.execute(f"ALTER SEQUENCE IF EXISTS {old}_id_seq RENAME TO {new}_id_seq")


def downgrade() -> None:
    """Downgrade schema."""
    for old, new in reversed(PAIRS):
        op.execute(f"ALTER SEQUENCE IF EXISTS {new}_id_seq RENAME TO {old}_id_seq")
        op.execute(f"ALTER INDEX IF EXISTS {new}_pkey RENAME TO {old}_pkey")
        op.rename_table(new, old)
