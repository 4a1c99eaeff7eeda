"""ticket number sequence

Revision ID: 0c2e4a6b8d13
Revises: 8a0c2e4b6d91
Create Date: 2024-05-04 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.schema import CreateSequence, DropSequence, Sequence as DbSequence


# revision identifiers, used by Alembic.
revision: str = '0c2e4a6b8d13'
down_revision: Union[str, Sequence[str], None] = '8a0c2e4b6d91'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


ticket_seq = DbSequence("ticket_number_seq", start=1000, increment=1)


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(CreateSequence(ticket_seq))
    op.add_column(
        "ticket",
        sa.Column("number", sa.Integer(), server_default=sa.text("nextval('ticket_number_seq')"), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("ticket", "number")
    op.execute(DropSequence(ticket_seq))
