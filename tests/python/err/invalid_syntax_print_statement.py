from alembic import op
import sqlalchemy as sa


def upgrade():
    conn = op.get_bind()
    count = conn.execute(sa.text("SELECT count(*) FROM users")).scalar()
    print "users:", count
