from alembic import op
import sqlalchemy as sa

op.create_table('account', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(50)), sa.Column('active', sa.Boolean()))
op.execute("INSERT INTO account (id, name, active) VALUES (1, 'ann', 1)")
op.execute(sa.text("INSERT INTO account (id, name, active) VALUES (2, 'bob', 0)"))
account = sa.table('account', sa.column('id', sa.Integer), sa.column('name', sa.String), sa.column('active', sa.Boolean))
op.execute(account.insert().values(id=3, name='cid', active=True))
op.execute(account.update().where(account.c.name == op.inline_literal('bob')).values({'name': op.inline_literal('robert')}))
op.execute(account.update().where(account.c.id == 1).values(active=False))
op.execute(account.delete().where(account.c.id == 3))
op.execute(sa.text("UPDATE account SET name = :n WHERE id = :i").bindparams(n='ann2', i=1))
