from alembic import op
import sqlalchemy as sa

op.create_table('t', sa.Column('id', sa.Integer, primary_key=True))
op.execute("INSERT INTO t (id) VALUES (1); INSERT INTO t (id) VALUES (2)")
