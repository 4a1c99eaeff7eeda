"""seed plans

Revision ID: 4d6f8b0c2e58
Revises: 8b0d2f4a6c37
Create Date: 2024-04-06 09:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from datetime import date


# revision identifiers, used by Alembic.
revision: str = '4d6f8b0c2e58'
down_revision: Union[str, Sequence[str], None] = '8b0d2f4a6c37'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


plan_table = sa.table(
    "plan",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("monthly_price", sa.Numeric(10, 2)),
    sa.column("starts_on", sa.Date),
)

PLANS = [
    ("free", 0, date(2024, 1, 1)),
    ("pro", 9.99, date(2024, 1, 1)),
    ("team", 29.0, date(2024, 6, 1)),
]


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        plan_table,
        [
            {"id": i, "name": name, "monthly_price": price, "starts_on": starts}
            for i, (name, price, starts) in enumerate(PLANS, start=1)
        ],
        multiinsert=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(plan_table.delete().where(plan_table.c.name.in_([p[0] for p in PLANS])))
