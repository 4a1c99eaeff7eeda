from alembic import op
import sqlalchemy as sa

op.create_table('parent', sa.Column('id', sa.Integer, primary_key=True))
op.execute("INSERT INTO parent (id) VALUES (1)")
op.add_column('parent', sa.Column('created', sa.DateTime(), server_default=sa.func.now()))
