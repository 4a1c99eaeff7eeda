"""empty placeholder

Revision ID: 6b8d0f2a4c73
Revises: 4f6b8d0e2a51
Create Date: 2024-05-24 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '6b8d0f2a4c73'
down_revision: Union[str, Sequence[str], None] = '4f6b8d0e2a51'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Intentionally empty: this revision marks the point where the 2.0 release branched.
    # ...
    pass


def downgrade() -> None:
    """Downgrade schema."""
    ...
