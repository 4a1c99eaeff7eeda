from alembic import op
import sqlalchemy as sa

op.create_table('p', sa.Column('id', sa.Integer, primary_key=True))
op.create_table('t', sa.Column('id', sa.Integer, primary_key=True), sa.Column('a', sa.Integer), sa.Column('p_id', sa.Integer))
op.create_foreign_key('fk_t_p', 't', 'p', ['p_id'], ['id'])
