class User:
    def __init__(self, first, last):
        self.first = first
        self.last = last

    @property
    def full_name(self):
        return f"{self.first} {self.last}"


u = User("Ada", "Lovelace")
print(u.full_name)
u.full_name = "Grace Hopper"
