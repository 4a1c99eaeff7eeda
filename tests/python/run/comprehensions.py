tables = {
    "users": ["id", "name", "email"],
    "posts": ["id", "user_id", "title", "body"],
    "tags": ["id", "label"],
}
print([t for t in tables if len(tables[t]) > 2])
print({t: len(cols) for t, cols in tables.items()})
print([(t, c) for t, cols in tables.items() for c in cols if c.endswith("id")])
print(sorted({c for cols in tables.values() for c in cols}))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2 == 0])
print([x if x % 2 else -x for x in range(6)])
print(sum(x * x for x in range(10)), max(len(c) for c in tables), any(c == "body" for c in tables["posts"]))
print(list(x for x in "abc"), tuple(n for n in range(3)))
print({k: v for k, v in zip("abc", range(3)) if v})
print([[j for j in range(i)] for i in range(4)])
print([f"{a}{b}" for a in "xy" for b in "12"])
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)
print([n for n in range(20) if n % 2 == 0 if n % 3 == 0])
print(dict((k, k * 2) for k in range(3)))
