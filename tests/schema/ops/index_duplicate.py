from alembic import op
import sqlalchemy as sa

op.create_table('t', sa.Column('id', sa.Integer, primary_key=True), sa.Column('a', sa.Integer))
op.create_index('ix_t_a', 't', ['a'])
op.create_index('ix_t_a', 't', ['a'])
