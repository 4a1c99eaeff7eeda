class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
d = p.__dict__
print(d, vars(p), type(d).__name__, isinstance(d, dict), len(d), bool(d))
d["z"] = 3
print(p.z, hasattr(p, "z"), "z" in d, "kind" in d, list(d), sorted(d.items()))
p.w = 4
print(d, d == {"x": 1, "y": 2, "z": 3, "w": 4}, d != {}, vars(p) == p.__dict__)
del d["z"]
print(hasattr(p, "z"), d.pop("w"), d.pop("missing", "default"), d.setdefault("q", 9), p.q)
d.update({"x": 10}, y=20)
d.update([("r", 30)])
print(p.x, p.y, p.r, list(d.keys()), list(d.values()), d.get("x"), d.get("nope", -1))
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError", e)
print(dict(d), {**d}, [k for k in d], d.copy() == d, repr(d) == repr(dict(d)))


def show(**kw):
    return sorted(kw)


print(show(**p.__dict__))
p.__dict__ = {"a": 1}
print(vars(p), p.a, hasattr(p, "x"))
vars(p).clear()
print(vars(p), len(vars(p)))


class Field:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance.__dict__.get(self.name, "unset")

    def __set__(self, instance, value):
        instance.__dict__[self.name] = value.upper()


class User:
    name = Field()

    def __init__(self, **kw):
        self.__dict__.update(kw)


u = User(age=3)
print(u.name, vars(u))
u.name = "ada"
print(u.name, vars(u), u.__dict__["name"])
print(vars(User(a=1, b=2)))


class Counter:
    def __init__(self):
        self.__dict__["count"] = 0

    def __setattr__(self, name, value):
        self.__dict__[name] = value * 2


c = Counter()
c.count = 5
print(c.count, vars(c))
print("kind" in Point.__dict__, "x" in Point.__dict__, sorted(k for k in vars(Point) if not k.startswith("__")))
