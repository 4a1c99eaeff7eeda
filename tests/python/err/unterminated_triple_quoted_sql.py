from alembic import op

VIEW_SQL = """
CREATE VIEW active_users AS
SELECT id, email FROM users WHERE is_active
"


def upgrade() -> None:
    op.execute(VIEW_SQL)


def downgrade() -> None:
    op.execute("DROP VIEW active_users")
