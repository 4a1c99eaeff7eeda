class Table:
    def __init__(self, name, *columns):
        self.name = name
        self.columns = list(columns)

    def __len__(self):
        return len(self.columns)

    def __iter__(self):
        return iter(self.columns)

    def __contains__(self, item):
        return item in self.columns

    def __getitem__(self, key):
        if isinstance(key, int):
            return self.columns[key]
        for col in self.columns:
            if col == key:
                return col
        raise KeyError(key)

    def __bool__(self):
        return bool(self.columns)


t = Table("users", "id", "name", "email")
empty = Table("nothing")
print(len(t), list(t), "name" in t, "age" in t)
print(t[0], t[-1], t["email"])
print([c.upper() for c in t])
print(bool(t), bool(empty), "empty" if not empty else "full")
for i, col in enumerate(t, 1):
    print(i, col)
try:
    t["age"]
except KeyError as exc:
    print("KeyError:", exc)
print(sorted(t, reverse=True), max(t, key=len))
a, b, c = t
print(a, b, c)
