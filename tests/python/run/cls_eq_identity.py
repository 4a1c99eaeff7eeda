class Key:
    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        if not isinstance(other, Key):
            return NotImplemented
        return self.value == other.value


class Plain:
    def __init__(self, value):
        self.value = value


a, b = Key(1), Key(1)
print(a == b, a is b, a != b, a == 1)
p, q = Plain(1), Plain(1)
print(p == q, p == p, p is p, p != q)
print(Key.__hash__ is None, Plain.__hash__ is None)
try:
    {a: 1}
except TypeError as exc:
    print("TypeError:", exc)
seen = {p: "p", q: "q"}
print(len(seen), seen[p], seen[q])
print([Key(1), Key(2)].index(Key(2)), Key(3) in [Key(3)])
print(p in [q], p in [p])
