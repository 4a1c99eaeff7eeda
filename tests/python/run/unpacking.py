first, *rest = ["head", "a", "b"]
print(first, rest)
*init, last = range(5)
print(init, last)
a, *mid, z = "abcde"
print(a, mid, z)
x, *empty, y = [1, 2]
print(x, empty, y)
(p, q), r = (1, 2), 3
print(p, q, r)
a, b = b, a = 1, 2
print(a, b)
m, n = 1, 2
m, n = n, m
print(m, n)
for idx, (name, cols) in enumerate([("users", 3), ("posts", 4)]):
    print(idx, name, cols)
for key, (lo, hi) in {"a": (1, 2), "b": (3, 4)}.items():
    print(key, lo + hi)
print([*range(3), *"ab"], (*[1, 2],), {*[1]}, {**{"a": 1}, "b": 2})
head, *_ = "only".split(",")
print(head, _)
def coords():
    return 10, 20, 30
cx, cy, cz = coords()
print(cx + cy + cz)
i, j = "xy"
print(i, j)
[u, v] = [5, 6]
print(u * v)
