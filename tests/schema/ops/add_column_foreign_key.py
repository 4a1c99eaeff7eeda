from alembic import op
import sqlalchemy as sa

op.create_table('parent', sa.Column('id', sa.Integer, primary_key=True))
op.create_table('child', sa.Column('id', sa.Integer, primary_key=True))
op.add_column('child', sa.Column('parent_id', sa.Integer, sa.ForeignKey('parent.id')))
