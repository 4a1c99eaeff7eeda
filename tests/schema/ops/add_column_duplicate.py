from alembic import op
import sqlalchemy as sa

op.create_table('child', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String))
op.add_column('child', sa.Column('name', sa.String(50)))
