from alembic import op
import sqlalchemy as sa

op.create_table('child', sa.Column('id', sa.Integer, primary_key=True))
op.add_column('child', sa.Column('email', sa.String(50), unique=True))
