from alembic import op
import sqlalchemy as sa

op.create_table("team", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(30)))
op.create_table(
    "user",
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(100), nullable=False),
    sa.Column("full_name", sa.String(100)),
    sa.Column("team_id", sa.Integer, sa.ForeignKey("team.id")),
    sa.Column("age", sa.Integer),
    sa.UniqueConstraint("full_name", name="uq_user_full_name"),
)
op.create_index("ix_user_email", "user", ["email"], unique=True)
op.execute("INSERT INTO team (id, name) VALUES (1, 'red')")
op.execute("INSERT INTO user (id, email, full_name, team_id, age) VALUES (1, 'a@x', 'Ann', 1, 30)")
op.execute("INSERT INTO user (id, email, full_name, team_id, age) VALUES (2, 'b@x', NULL, NULL, NULL)")

with op.batch_alter_table('user') as batch_op:
    batch_op.add_column(sa.Column('nickname', sa.String(20)))
    batch_op.drop_column('age')
