a, b, c, d, e = range(5)

v1 = a if b else c
v2 = a if b else c if d else e
v3 = (a if b else c) if d else e
v4 = a if (b if c else d) else e
v5 = [x if x % 2 else -x for x in range(10)]
v6 = f(a if b else c, key=d if e else None) if False else None
v7 = lambda x: x if x > 0 else -x
v8 = a or b if c and d else e
v9 = "yes" if a == b else "no"
label = (
    "many"
    if a > 10
    else "some"
    if a > 0
    else "none"
)
