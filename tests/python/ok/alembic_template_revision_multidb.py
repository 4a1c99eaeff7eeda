"""create account table

Revision ID: 30a3a58ba89c
Revises: 
Create Date: 2026-11-28 14:43:36.390542

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '30a3a58ba89c'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade(engine_name: str) -> None:
    """Upgrade schema."""
    globals()["upgrade_%s" % engine_name]()


def downgrade(engine_name: str) -> None:
    """Downgrade schema."""
    globals()["downgrade_%s" % engine_name]()





def upgrade_engine1() -> None:
    """Upgrade engine1 schema."""
    pass


def downgrade_engine1() -> None:
    """Downgrade engine1 schema."""
    pass


def upgrade_engine2() -> None:
    """Upgrade engine2 schema."""
    pass


def downgrade_engine2() -> None:
    """Downgrade engine2 schema."""
    pass

