"""insert default settings

Revision ID: 4d6f8b0a2c51
Revises: 2b4d6f8a0c39
Create Date: 2024-05-28 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import json


# revision identifiers, used by Alembic.
revision: str = '4d6f8b0a2c51'
down_revision: Union[str, Sequence[str], None] = '2b4d6f8a0c39'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


DEFAULTS = {
    "site.title": "Alembic Playground",
    "site.locale": "ko_KR",
    "mail.enabled": False,
    "upload.max_mb": 25,
}


def upgrade() -> None:
    """Upgrade schema."""
    settings = op.create_table(
        "app_setting",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.bulk_insert(settings, [{"key": k, "value": json.dumps(v)} for k, v in sorted(DEFAULTS.items())])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("app_setting")
