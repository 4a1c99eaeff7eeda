from alembic import op
import sqlalchemy as sa


def upgrade() -> None:
    op.add_column("users", sa.Column("address", sa.String(200)))
    op.add_column("users", sa.Column("address_2", sa.String(200)))
    2nd_address = sa.Column("address_3", sa.String(200))
