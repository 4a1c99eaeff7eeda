from alembic import op
import sqlalchemy as sa

op.create_table('t', sa.Column('id', sa.Integer, primary_key=True))
op.create_table_comment('t', 'a table')
op.drop_table_comment('t', existing_comment='a table')
