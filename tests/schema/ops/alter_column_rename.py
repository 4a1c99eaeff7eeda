from alembic import op
import sqlalchemy as sa

op.create_table('parent', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(20), index=True))
op.execute("INSERT INTO parent (id, name) VALUES (1, 'old')")
op.alter_column('parent', 'name', new_column_name='title')
op.alter_column('parent', 'title', new_column_name='title2', nullable=False, type_=sa.Text())
