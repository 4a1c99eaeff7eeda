from alembic import op
import sqlalchemy as sa


def upgrade():
    op.add_column("t", sa.Column("c", sa.Integer()))


def downgrade():
    op.drop_column("t", "c")