class User:
    def __init__(self, name, email):
        self.name = name
        self.email = email


user = User("ann", "ann@example.com")
print(user.name)
print(user.emial)
