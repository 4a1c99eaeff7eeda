class Column:
    def __init__(self, type_, primary_key=False, nullable=True, default=None):
        self.type = type_
        self.primary_key = primary_key
        self.nullable = nullable
        self.default = default
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name
        owner.__columns__ = getattr(owner, "__columns__", []) + [name]

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return instance.__dict__.get(self.name, self.default)

    def __set__(self, instance, value):
        if value is None and not self.nullable:
            raise ValueError(f"{self.name} is not nullable")
        instance.__dict__[self.name] = value

    def __repr__(self):
        return f"Column({self.name!r}, {self.type})"


class User:
    id = Column("INTEGER", primary_key=True, nullable=False)
    name = Column("VARCHAR(50)", nullable=False)
    role = Column("VARCHAR(20)", default="member")


print(User.__columns__)
print(User.id, User.name.type, User.role.default)
u = User()
u.id = 7
u.name = "ann"
print(u.id, u.name, u.role)
try:
    u.name = None
except ValueError as exc:
    print("ValueError:", exc)
print(sorted(u.__dict__.items()))
print([c for c in User.__columns__ if getattr(User, c).primary_key])
