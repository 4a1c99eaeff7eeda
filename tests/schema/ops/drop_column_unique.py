from alembic import op
import sqlalchemy as sa

op.create_table('child', sa.Column('id', sa.Integer, primary_key=True), sa.Column('email', sa.String(20), unique=True))
op.drop_column('child', 'email')
