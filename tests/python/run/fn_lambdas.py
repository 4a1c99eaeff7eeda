users = [
    {"name": "carol", "age": 35, "role": "admin"},
    {"name": "alice", "age": 30, "role": "user"},
    {"name": "bob", "age": 30, "role": "user"},
]
by_age_name = sorted(users, key=lambda u: (u["age"], u["name"]))
print([u["name"] for u in by_age_name])
print([u["name"] for u in sorted(users, key=lambda u: u["age"], reverse=True)])
square = lambda x: x * x
print(square(7), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2))
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}
print(ops["add"](2, 3), ops["sub"](2, 3))
print(list(map(lambda u: u["name"].upper(), users)))
print(list(filter(lambda u: u["role"] == "user", users)) == users[1:])
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print((lambda x: "even" if x % 2 == 0 else "odd")(3))
print(square.__name__)
