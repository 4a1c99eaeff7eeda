installed = {"sqlalchemy", "alembic", "pydantic"}
required = {"alembic", "sqlalchemy", "psycopg2"}
print(sorted(installed & required), sorted(installed | required))
print(sorted(required - installed), sorted(installed ^ required))
print(installed.issuperset({"alembic"}), {"alembic"} <= installed, installed.isdisjoint({"x"}))
s = set()
s.add("one")
s.add("one")
print(s, len(s), "one" in s)
s.discard("missing")
s.update(["two"])
s.remove("one")
print(s)
print(sorted({x % 3 for x in range(10)}), set(), frozenset({"a"}))
print(len(set("mississippi")), sorted(set("mississippi")))
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:], len(t))
print((1,), (), tuple([1, 2]), tuple("ab"), (1, "a") < (1, "b"))
single = ("only",)
print(single, type(single).__name__, ("not a tuple"))
point = 3, 4
x, y = point
print(x, y, point, hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 9
except TypeError as exc:
    print("TypeError:", exc)
try:
    s.remove("absent")
except KeyError as exc:
    print("KeyError:", exc)
