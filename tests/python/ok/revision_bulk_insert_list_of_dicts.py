"""seed countries

Revision ID: 8b0d2f4a6c37
Revises: c3e5a7b9d1f6
Create Date: 2024-04-05 09:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '8b0d2f4a6c37'
down_revision: Union[str, Sequence[str], None] = 'c3e5a7b9d1f6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    country = op.create_table(
        "country",
        sa.Column("code", sa.String(2), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("name_local", sa.Unicode(100)),
        sa.Column("eu", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("calling_code", sa.Integer()),
    )
    op.bulk_insert(
        country,
        [
            {"code": "KR", "name": "South Korea", "name_local": "대한민국", "eu": False, "calling_code": 82},
            {"code": "JP", "name": "Japan", "name_local": "日本", "eu": False, "calling_code": 81},
            {"code": "DE", "name": "Germany", "name_local": "Deutschland", "eu": True, "calling_code": 49},
            {"code": "FR", "name": "France", "name_local": "France", "eu": True, "calling_code": 33},
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("country")
