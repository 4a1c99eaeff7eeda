from alembic import op
import sqlalchemy as sa

op.create_table('parent', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(20)))
op.alter_column('parent', 'name', server_default='z')
