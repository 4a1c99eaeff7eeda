"""merge billing and accounts heads

Revision ID: 0e2a4c6b8d95
Revises: 5f7b9d1e3a42, b1d3f5a7c9e2
Create Date: 2024-04-14 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0e2a4c6b8d95'
down_revision: Union[str, Sequence[str], None] = ('5f7b9d1e3a42', 'b1d3f5a7c9e2')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
