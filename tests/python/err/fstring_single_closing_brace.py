from alembic import op


def upgrade() -> None:
    for table in ("users", "posts"):
        op.execute(f"UPDATE {table} SET meta = '}' WHERE meta IS NULL")
