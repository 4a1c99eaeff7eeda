class Base:
    def __init__(self, name):
        self.name = name


class User(Base):
    def __init__(self, name, email):
        super().__init__()
        self.email = email


User("ann", "ann@example.com")
