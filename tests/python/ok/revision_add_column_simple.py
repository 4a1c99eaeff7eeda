"""add phone to users

Revision ID: 5a2e8c1d9f47
Revises: 0b9d7f3e2c18
Create Date: 2024-03-12 11:20:13.337001

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5a2e8c1d9f47'
down_revision: Union[str, Sequence[str], None] = '0b9d7f3e2c18'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("users", sa.Column("phone", sa.String(length=20), nullable=True))
    op.add_column("users", sa.Column("phone_verified", sa.Boolean(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("users", "phone_verified")
    op.drop_column("users", "phone")
