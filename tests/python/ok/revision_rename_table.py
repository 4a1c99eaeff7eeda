"""rename customer to client

Revision ID: 0b9d7f3e2c18
Revises: c47a90e1f5d3
Create Date: 2024-03-11 08:45:00.000001

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0b9d7f3e2c18'
down_revision: Union[str, Sequence[str], None] = 'c47a90e1f5d3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.rename_table("customer", "client")
    op.rename_table("customer_address", "client_address", schema="crm")


def downgrade() -> None:
    """Downgrade schema."""
    op.rename_table("client_address", "customer_address", schema="crm")
    op.rename_table("client", "customer")
