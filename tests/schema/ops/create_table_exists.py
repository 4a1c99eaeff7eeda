from alembic import op
import sqlalchemy as sa

op.create_table('parent', sa.Column('id', sa.Integer, primary_key=True))
op.create_table('parent', sa.Column('id', sa.Integer, primary_key=True))
