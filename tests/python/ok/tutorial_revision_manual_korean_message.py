"""설명

Revision ID: 6afa71c5411d
Revises: b567e66ff180
Create Date: 2026-11-28 14:43:53.437416

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '6afa71c5411d'
down_revision: Union[str, Sequence[str], None] = 'b567e66ff180'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
