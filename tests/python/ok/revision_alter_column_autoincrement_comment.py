"""autoincrement and comments

Revision ID: 4f6b8d0e2a51
Revises: 2d4f6b8c0e39
Create Date: 2024-05-23 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4f6b8d0e2a51'
down_revision: Union[str, Sequence[str], None] = '2d4f6b8c0e39'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column(
        "ticket",
        "id",
        existing_type=sa.Integer(),
        autoincrement=True,
        existing_nullable=False,
        comment="ticket number shown to customers",
    )
    op.alter_column("ticket", "subject", existing_type=sa.String(200), comment="제목", existing_comment=None)
    op.alter_column("ticket", "body", existing_type=sa.Text(), nullable=False, existing_server_default=sa.text("''"))


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("ticket", "body", existing_type=sa.Text(), nullable=True)
    op.alter_column("ticket", "subject", existing_type=sa.String(200), comment=None, existing_comment="제목")
    op.alter_column("ticket", "id", existing_type=sa.Integer(), comment=None)
