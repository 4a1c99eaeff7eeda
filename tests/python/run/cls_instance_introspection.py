class User:
    kind = "user"

    def __init__(self, name, email):
        self.name = name
        self.email = email


u = User("ann", "ann@example.com")
print(vars(u))
print(u.__dict__ == vars(u), list(u.__dict__))
print(type(u).__name__, u.__class__.__name__, type(u) is User)
print(User.__module__, User.__qualname__)
u.extra = 1
print(sorted(vars(u)))
setattr(u, "age", 30)
print(u.age, getattr(u, "age"), hasattr(u, "age"))
delattr(u, "age")
print(hasattr(u, "age"))
print("kind" in vars(u), "kind" in vars(User), u.kind)
print(type(User).__name__, type(type(u)).__name__)
print(callable(User), callable(u), callable(u.__init__))
