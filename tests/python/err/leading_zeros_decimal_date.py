from datetime import date

from alembic import op
import sqlalchemy as sa

plan = sa.table("plan", sa.column("name", sa.String), sa.column("starts_on", sa.Date))


def upgrade() -> None:
    op.bulk_insert(plan, [{"name": "pro", "starts_on": date(2024, 01, 15)}])
