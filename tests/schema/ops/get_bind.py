from alembic import op
import sqlalchemy as sa

op.create_table('account', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(50)))
op.execute("INSERT INTO account (id, name) VALUES (1, 'ann'), (2, 'bob')")
conn = op.get_bind()
rows = conn.execute(sa.text("SELECT id, name FROM account ORDER BY id")).fetchall()
print(rows)
for row in rows:
    print(row.id, row.name, row[1])
count = conn.execute(sa.text("SELECT count(*) FROM account")).scalar()
print("count", count)
name = conn.execute(sa.text("SELECT name FROM account WHERE id = :id"), {"id": 2}).scalar()
print("name", name)
conn.execute(sa.text("UPDATE account SET name = :name WHERE id = :id"), {"name": "bo", "id": 2})
one = conn.execute(sa.text("SELECT * FROM account WHERE id = :id"), {"id": 2}).fetchone()
print(one, conn.execute(sa.text("SELECT name FROM account WHERE id = 99")).scalar())
