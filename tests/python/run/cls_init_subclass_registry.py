class Base:
    registry = {}

    def __init_subclass__(cls, table=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__table__ = table or cls.__name__.lower() + "s"
        Base.registry[cls.__table__] = cls


class User(Base):
    pass


class Address(Base, table="addresses"):
    pass


class Staff(User, table="staff"):
    pass


for name, cls in Base.registry.items():
    print(name, "->", cls.__name__, cls.__table__)
print(User.__table__, Staff.__table__)


class Plugin:
    plugins = []

    def __init_subclass__(cls, **kwargs):
        print("registering", cls.__name__, sorted(kwargs))
        cls.plugins.append(cls.__name__)


class Alpha(Plugin):
    pass


class Beta(Alpha):
    pass


print(Plugin.plugins)
try:
    class Gamma(Base, colour="red"):
        pass
except TypeError as exc:
    print("TypeError:", exc)
