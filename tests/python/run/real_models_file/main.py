from app.db import metadata
from app.models import Post, User

for name in metadata.sorted_tables():
    table = metadata.tables[name]
    print(f"CREATE TABLE {name} (")
    for col in table.columns:
        print(f"    {col.ddl()},")
    for constraint in table.constraints():
        print(f"    CONSTRAINT {constraint},")
    print(")")
u = User(id=1, email="ann@example.com")
print(u, u.email, Post(id=7, title="Hi"))
try:
    User(nickname="x")
except TypeError as exc:
    print("TypeError:", exc)
