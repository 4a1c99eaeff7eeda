"""dialect specific json column

Revision ID: a0c2e4f6b8d3
Revises: 8e0a2c4d6f91
Create Date: 2024-05-09 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql


# revision identifiers, used by Alembic.
revision: str = 'a0c2e4f6b8d3'
down_revision: Union[str, Sequence[str], None] = '8e0a2c4d6f91'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        json_type = postgresql.JSONB()
    elif bind.dialect.name == "mysql":
        json_type = mysql.JSON()
    else:
        json_type = sa.JSON()
    op.add_column("event", sa.Column("payload", json_type, nullable=True))

    if bind.dialect.name == "postgresql":
        op.create_index(
            "ix_event_payload_gin",
            "event",
            ["payload"],
            postgresql_using="gin",
        )


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_event_payload_gin", table_name="event")
    op.drop_column("event", "payload")
