from alembic import op
import sqlalchemy as sa

op.create_table('p', sa.Column('id', sa.Integer, primary_key=True))
op.create_table('t', sa.Column('id', sa.Integer, primary_key=True), sa.Column('a', sa.Integer), sa.Column('p_id', sa.Integer))
op.create_unique_constraint('uq_t_a', 't', ['a'])
