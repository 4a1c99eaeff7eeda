from alembic import op
import sqlalchemy as sa

TABLES = ["users", "posts", "comments"]


def upgrade() -> None:
    for table in TABLES:
    op.add_column(table, sa.Column("created_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "created_at")
