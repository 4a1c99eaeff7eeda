from alembic import op

TABLES = ["users", "posts"]


def upgrade() -> None:
    op.execute(", ".join(f"DROP TABLE {t}" for t in TABLES, ";"))
