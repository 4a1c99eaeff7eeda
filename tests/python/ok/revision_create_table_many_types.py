"""create everything table

Revision ID: 8a0c2e4b6d91
Revises: 6e8a0c2d4f79
Create Date: 2024-05-03 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '8a0c2e4b6d91'
down_revision: Union[str, Sequence[str], None] = '6e8a0c2d4f79'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "everything",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("small", sa.SmallInteger(), nullable=True),
        sa.Column("regular", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("title_ko", sa.Unicode(length=200), nullable=True, comment="제목"),
        sa.Column("flag", sa.Boolean(), nullable=False),
        sa.Column("born_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("opens_at", sa.Time(), nullable=True),
        sa.Column("ratio", sa.Float(precision=53), nullable=True),
        sa.Column("price", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("blob", sa.LargeBinary(length=1024), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("public_id", sa.Uuid(), nullable=True),
        sa.Column("ttl", sa.Interval(), nullable=True),
        sa.Column("legacy", sa.VARCHAR(length=10), nullable=True),
        sa.Column("code", sa.CHAR(length=3), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("public_id"),
        comment="one column of every type",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("everything")
