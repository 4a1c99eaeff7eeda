"""merge heads

Revision ID: b567e66ff180
Revises: ccee337570e3, ea1bf8ee321f
Create Date: 2026-11-28 14:43:36.024792

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b567e66ff180'
down_revision: Union[str, Sequence[str], None] = ('ccee337570e3', 'ea1bf8ee321f')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
