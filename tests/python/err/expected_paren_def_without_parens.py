from alembic import op
import sqlalchemy as sa

revision = "4e6a8c0d2f53"
down_revision = "2c4e6a8b0d31"


def upgrade:
    op.add_column("orders", sa.Column("note", sa.Text()))
