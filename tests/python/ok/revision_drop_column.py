"""drop fax column

Revision ID: e61f0a4b8c25
Revises: 9d3b5f7a1c60
Create Date: 2024-03-15 10:00:41.727272

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e61f0a4b8c25'
down_revision: Union[str, Sequence[str], None] = '9d3b5f7a1c60'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_column("client", "fax")
    op.drop_column("client", "telex", schema="crm")


def downgrade() -> None:
    """Downgrade schema."""
    op.add_column("client", sa.Column("telex", sa.VARCHAR(length=20), autoincrement=False, nullable=True), schema="crm")
    op.add_column("client", sa.Column("fax", sa.VARCHAR(length=20), autoincrement=False, nullable=True))
