from alembic import op
import sqlalchemy as sa

t = op.create_table(
    'account',
    sa.Column('id', sa.Integer, primary_key=True),
    sa.Column('name', sa.String(50), nullable=False, comment='display name'),
    sa.Column('slug', sa.String(40), index=True, unique=True),
    sa.Column('code', sa.String(10), unique=True),
    sa.Column('status', sa.String(20), server_default='new'),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now()),
    sa.Column('enabled', sa.Boolean(), server_default=sa.true()),
    sa.Column('score', sa.Integer, sa.CheckConstraint('score >= 0'), server_default=sa.text('0')),
    sa.UniqueConstraint('name', 'code', name='uq_account_name_code'),
    sa.CheckConstraint('length(name) > 0', name='ck_account_name'),
    comment='accounts',
)
print(type(t).__name__, t.name, [c.name for c in t.c])
op.create_table('account', sa.Column('id', sa.Integer, primary_key=True), if_not_exists=True)
op.execute("INSERT INTO account (id, name) VALUES (1, 'x')")
