"""session table with server defaults

Revision ID: e4a6c8f0b2d5
Revises: c2e4a6d8f0b3
Create Date: 2024-05-20 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e4a6c8f0b2d5'
down_revision: Union[str, Sequence[str], None] = 'c2e4a6d8f0b3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "session",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False),
        sa.Column("last_seen", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), server_default=sa.text("(datetime('now', '+14 days'))")),
        sa.Column("remember", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("revoked", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("hits", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("ip", sa.String(45), server_default="0.0.0.0"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("session")
