"""add email to account

Revision ID: ea1bf8ee321f
Revises: ec0a8aa118e6
Create Date: 2026-11-28 14:43:35.449669

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'ea1bf8ee321f'
down_revision: Union[str, Sequence[str], None] = 'ec0a8aa118e6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
