"""users on engine1, reports on engine2

Revision ID: 5d7f9b1c3e60
Revises: 
Create Date: 2024-05-12 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5d7f9b1c3e60'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade(engine_name: str) -> None:
    """Upgrade schema."""
    globals()["upgrade_%s" % engine_name]()


def downgrade(engine_name: str) -> None:
    """Downgrade schema."""
    globals()["downgrade_%s" % engine_name]()


def upgrade_engine1() -> None:
    """Upgrade engine1 schema."""
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
    )


def downgrade_engine1() -> None:
    """Downgrade engine1 schema."""
    op.drop_table("account")


def upgrade_engine2() -> None:
    """Upgrade engine2 schema."""
    op.create_table(
        "daily_report",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("signups", sa.Integer(), server_default="0"),
    )


def downgrade_engine2() -> None:
    """Downgrade engine2 schema."""
    op.drop_table("daily_report")
