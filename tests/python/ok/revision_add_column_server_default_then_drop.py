"""add non null status with default

Revision ID: 9d3b5f7a1c60
Revises: 5a2e8c1d9f47
Create Date: 2024-03-14 14:02:59.110202

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '9d3b5f7a1c60'
down_revision: Union[str, Sequence[str], None] = '5a2e8c1d9f47'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # existing rows need a value, so add the column with a server default first ...
    op.add_column(
        "orders",
        sa.Column("status", sa.String(length=20), nullable=False, server_default="pending"),
    )
    # ... then drop the default so the application has to choose explicitly
    op.alter_column("orders", "status", server_default=None)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("orders", "status")
