f = frozenset({"a", "b"})
s = {"b", "c"}
print(sorted(f | s), type(f | s).__name__, type(s | f).__name__, f == frozenset("ab"), f == {"a", "b"})
print(frozenset(), repr(frozenset([1])), len(f), "a" in f, hash(f) == hash(frozenset(["b", "a"])))
d = {f: 1}
print(d[frozenset(["b", "a"])], f.copy() is f, type(f.union([1])).__name__, f.issubset({"a", "b", "c"}))
try:
    f.add("x")
except AttributeError as exc:
    print("AttributeError:", exc)
try:
    {s: 1}
except TypeError as exc:
    print("TypeError:", exc)
t = s
t |= {"z"}
print(sorted(s), s is t)
g = f
g |= {"z"}
print(sorted(f), sorted(g), g is f, isinstance(f, frozenset), isinstance(f, set))
print({frozenset({1}), frozenset({1})}, f - {"a"}, f <= {"a", "b"}, frozenset({1}) < frozenset({1, 2}))
