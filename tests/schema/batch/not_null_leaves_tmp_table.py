from alembic import op
import sqlalchemy as sa

op.create_table("user", sa.Column("id", sa.Integer, primary_key=True), sa.Column("full_name", sa.String(100)))
op.execute("INSERT INTO user (id, full_name) VALUES (1, NULL)")
# An earlier migration's data is committed; this migration starts with no open transaction.
op.get_bind().commit()
with op.batch_alter_table('user') as batch_op:
    batch_op.alter_column('full_name', existing_type=sa.VARCHAR(length=100), nullable=False)
