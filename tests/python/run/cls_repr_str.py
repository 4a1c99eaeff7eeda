class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point(x={self.x!r}, y={self.y!r})"


class Tag:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return f"#{self.name}"

    def __repr__(self):
        return f"Tag({self.name!r})"


class OnlyStr:
    def __str__(self):
        return "only-str"


p = Point(1, "two")
t = Tag("db")
print(p)
print(str(p), repr(p))
print(t, str(t), repr(t))
print([t, p])
print({"tag": t})
print(f"{t} {t!r} {t!s} {p}")
print("%s | %r" % (t, t))
print("{} | {!r}".format(t, t))
print(str(OnlyStr()), f"{OnlyStr()}")
print((t,), (p,))
