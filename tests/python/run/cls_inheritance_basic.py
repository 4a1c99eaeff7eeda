class Model:
    __tablename__ = None

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    def describe(self):
        return f"{type(self).__name__} -> {self.__tablename__}"


class User(Model):
    __tablename__ = "users"

    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name

    def describe(self):
        base = super().describe()
        return base + f" ({self.name})"


class Admin(User):
    level = 10


u = User("ann", email="ann@example.com")
a = Admin("root", level=99)
print(u.describe())
print(a.describe())
print(u.email, a.level, Admin.level)
print(isinstance(a, User), isinstance(a, Model), isinstance(u, Admin))
print(issubclass(Admin, Model), issubclass(Model, User))
print(Admin.__bases__[0].__name__, Admin.__name__)
print([c.__name__ for c in Admin.__mro__])
