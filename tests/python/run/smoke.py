import os
from pathlib import Path


class Base:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Base.registry.append(cls.__name__)


class User(Base):
    def __init__(self, name, email=None):
        self.name = name
        self.email = email or f"{name.lower()}@example.com"

    def __repr__(self):
        return f"User({self.name!r})"


users = [User(n) for n in ["Ann", "Bob"]]
print(users, Base.registry)
print({u.name: u.email for u in users})
print(os.getenv("APP_ENV"), os.getenv("MISSING", "default"))
print(Path("/a/b/c.py").parent.parent, Path("x") / "y")
total = sum(len(u.name) for u in users)
print(f"{total:>5}|{3.14159:.2f}|{'left':<6}|", "%s-%d" % ("a", 3))
try:
    {}["k"]
except KeyError as exc:
    print("caught", repr(exc))
print(undefined_name)
