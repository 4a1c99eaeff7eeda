from alembic import op
import sqlalchemy as sa

op.create_table('t', sa.Column('id', sa.Integer, primary_key=True), sa.Column('a', sa.Integer), sa.Column('b', sa.String(10)))
op.create_index('ix_t_a_b', 't', ['a', 'b'])
op.create_index('ix_t_b', 't', ['b'], unique=True)
op.create_index('ix_t_b', 't', ['b'], if_not_exists=True)
op.create_index('ix_t_expr', 't', [sa.text('lower(b)')])
op.drop_index('ix_t_a_b', table_name='t')
op.drop_index('ix_nope', if_exists=True)
op.drop_index('ix_nope', table_name='t')
