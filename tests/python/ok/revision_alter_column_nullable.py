"""make email required

Revision ID: 27c8e9d0a4b1
Revises: e61f0a4b8c25
Create Date: 2024-03-16 09:09:09.090909

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '27c8e9d0a4b1'
down_revision: Union[str, Sequence[str], None] = 'e61f0a4b8c25'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("UPDATE users SET email = username || '@example.invalid' WHERE email IS NULL")
    op.alter_column("users", "email", existing_type=sa.String(length=255), nullable=False)
    op.alter_column("users", "full_name", existing_type=sa.String(length=100), nullable=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("users", "full_name", existing_type=sa.String(length=100), nullable=False)
    op.alter_column("users", "email", existing_type=sa.String(length=255), nullable=True)
