"""rename columns

Revision ID: 71e3c5a9b0d2
Revises: 4b0f6e2d8a93
Create Date: 2024-03-19 13:37:00.133700

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '71e3c5a9b0d2'
down_revision: Union[str, Sequence[str], None] = '4b0f6e2d8a93'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column("users", "name", new_column_name="full_name", existing_type=sa.String(100))
    op.alter_column("users", "pwd", new_column_name="hashed_password", existing_type=sa.String(255), existing_nullable=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("users", "hashed_password", new_column_name="pwd", existing_type=sa.String(255), existing_nullable=False)
    op.alter_column("users", "full_name", new_column_name="name", existing_type=sa.String(100))
