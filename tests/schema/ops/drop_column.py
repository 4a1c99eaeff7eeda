from alembic import op
import sqlalchemy as sa

op.create_table('child', sa.Column('id', sa.Integer, primary_key=True), sa.Column('note', sa.String(20)), sa.Column('extra', sa.Integer))
op.execute("INSERT INTO child (id, note, extra) VALUES (1, 'n', 5)")
op.drop_column('child', 'extra')
op.drop_column('child', 'nope')
