print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("ab", "cd"))
print("{name} has {count} items".format(name="cart", count=3))
print("{0[0]} {0[1]} {1[key]}".format(("x", "y"), {"key": "v"}))


class P:
    x = 1
    y = 2


print("{p.x},{p.y}".format(p=P()))
print("{:>6}|{:<6}|{:^6}|".format("a", "b", "c"))
print("{:.3f} {:,} {:08.2f} {:x}".format(3.14159, 1234567, 3.14159, 255))
print("{!r} {!s}".format("hi", "hi"))
print("{:{w}.{p}f}".format(2.71828, w=10, p=2))
print("{{}} {}".format("braces"))
data = {"host": "localhost", "port": 5432}
print("{host}:{port}".format(**data))
print("{host}:{port}".format_map(data))
print("postgresql://{user}@{host}/{db}".format(user="app", host="db", db="main"))
