from alembic import op

COLUMNS = ["id", "email", "created_at"]


def upgrade() -> None:
    op.execute(f"CREATE VIEW v AS SELECT {',\n'.join(COLUMNS)} FROM users")
