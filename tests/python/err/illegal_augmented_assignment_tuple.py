from alembic import op
import sqlalchemy as sa


def upgrade() -> None:
    conn = op.get_bind()
    created, skipped = 0, 0
    for row in conn.execute(sa.text("SELECT id FROM users")):
        created, skipped += 1, 0
