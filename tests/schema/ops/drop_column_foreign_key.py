from alembic import op
import sqlalchemy as sa

op.create_table('parent', sa.Column('id', sa.Integer, primary_key=True))
op.create_table('child', sa.Column('id', sa.Integer, primary_key=True), sa.Column('parent_id', sa.Integer, sa.ForeignKey('parent.id')))
op.drop_column('child', 'parent_id')
