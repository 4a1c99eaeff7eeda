from alembic import op
import sqlalchemy as sa


def upgrade() -> None:
    op.create_index("ix_users_email", "users", ["email",, "name"], unique=True)
