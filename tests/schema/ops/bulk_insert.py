from alembic import op
import sqlalchemy as sa

t = op.create_table('item', sa.Column('id', sa.Integer, primary_key=True), sa.Column('title', sa.String(30)), sa.Column('price', sa.Numeric(8, 2)), sa.Column('done', sa.Boolean))
op.bulk_insert(t, [
    {'id': 1, 'title': 'pen', 'price': 1.5, 'done': False},
    {'id': 2, 'title': "o'clock", 'price': None, 'done': True},
])
tag = sa.table('tag', sa.column('id', sa.Integer), sa.column('label', sa.String))
op.create_table('tag', sa.Column('id', sa.Integer, primary_key=True), sa.Column('label', sa.String(20)))
op.bulk_insert(tag, [{'id': 1, 'label': 'a'}, {'id': 2, 'label': 'b'}], multiinsert=False)
