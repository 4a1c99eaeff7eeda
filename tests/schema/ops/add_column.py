from alembic import op
import sqlalchemy as sa

op.create_table('parent', sa.Column('id', sa.Integer, primary_key=True))
op.add_column('parent', sa.Column('name', sa.String(50)))
op.add_column('parent', sa.Column('code', sa.String(10), nullable=False))
op.add_column('parent', sa.Column('kind', sa.String(10), nullable=False, server_default='a'))
op.add_column('parent', sa.Column('created', sa.DateTime(), server_default=sa.func.now()))
op.add_column('parent', sa.Column('label', sa.String(10), index=True))
op.add_column('parent', sa.Column('n', sa.Integer, sa.CheckConstraint('n > 0'), comment='a number'))
op.execute("INSERT INTO parent (id, code) VALUES (1, 'c')")
