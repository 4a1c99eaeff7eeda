from alembic import op
import sqlalchemy as sa

op.create_table('a', sa.Column('id', sa.Integer, primary_key=True), sa.Column('x', sa.String(5), index=True))
op.create_table('b', sa.Column('id', sa.Integer, primary_key=True))
op.drop_table('a')
op.drop_table('nope', if_exists=True)
op.drop_table('nope')
