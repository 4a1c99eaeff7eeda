from alembic import op
import sqlalchemy as sa

op.create_table('user', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(20), index=True))
op.execute("INSERT INTO user (id, name) VALUES (1, 'ann')")
op.rename_table('user', 'account')
op.rename_table('missing', 'other')
