"""server defaults for timestamps

Revision ID: a8d2f4c6e013
Revises: 71e3c5a9b0d2
Create Date: 2024-03-20 10:10:10.101010

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a8d2f4c6e013'
down_revision: Union[str, Sequence[str], None] = '71e3c5a9b0d2'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column("posts", "created_at", server_default=sa.text("CURRENT_TIMESTAMP"), existing_type=sa.DateTime())
    op.alter_column("posts", "views", server_default="0", existing_type=sa.Integer(), existing_nullable=False)
    op.alter_column("posts", "is_draft", server_default=sa.true(), existing_type=sa.Boolean())
    op.alter_column("posts", "updated_at", server_default=sa.func.now(), existing_type=sa.DateTime())


def downgrade() -> None:
    """Downgrade schema."""
    for column in ("updated_at", "is_draft", "views", "created_at"):
        op.alter_column("posts", column, server_default=None)
