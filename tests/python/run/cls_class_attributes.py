class Counter:
    created = 0
    tags = []

    def __init__(self, name):
        Counter.created += 1
        self.name = name
        self.tags.append(name)


a = Counter("a")
b = Counter("b")
print(Counter.created, a.created, b.created)
print(Counter.tags, a.tags is b.tags)

a.created = 100
print(a.created, b.created, Counter.created)
del a.created
print(a.created)


class Settings:
    DEBUG = False
    DATABASE_URL = "sqlite:///app.db"
    ALLOWED = ("localhost", "127.0.0.1")


class TestSettings(Settings):
    DEBUG = True
    DATABASE_URL = "sqlite:///:memory:"


for cls in (Settings, TestSettings):
    print(cls.__name__, cls.DEBUG, cls.DATABASE_URL, cls.ALLOWED)

print("DEBUG" in TestSettings.__dict__, "ALLOWED" in TestSettings.__dict__)
print(hasattr(TestSettings, "ALLOWED"))
names = [n for n in vars(Settings) if n.isupper()]
print(names)
