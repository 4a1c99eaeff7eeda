import sqlalchemy as sa
from alembic import op


def upgrade() -> None:
    op.create_table(
        "transfer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("amount", sa.Numeric(10, 2)),
    )
    op.execute(sa.text("INSERT INTO transfer (amount) VALUES (0)"))
    move(from="a", to="b")
