from alembic import op
import sqlalchemy as sa

COMMON = {"nullable": False}


def upgrade() -> None:
    op.add_column("users", sa.Column("age", sa.Integer(), **COMMON))
    op.add_column("users", sa.Column("score", **COMMON, sa.Integer()))
