from alembic import op
import sqlalchemy as sa

op.create_table('t', sa.Column('id', sa.Integer, primary_key=True), sa.Column('a', sa.Integer), if_not_exists=True)
op.create_table('t', sa.Column('id', sa.Integer, primary_key=True), if_not_exists=True)
op.add_column('t', sa.Column('b', sa.Integer), if_not_exists=True)
op.drop_column('t', 'a', if_exists=True)
op.drop_table('t', if_exists=True)
op.drop_table('t', if_exists=True)
