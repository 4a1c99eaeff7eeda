from alembic import op
import sqlalchemy as sa


def upgrade() -> None:
    op.drop_column（"users", "fax")
