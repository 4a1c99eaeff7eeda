class Model:
    pass


class User(Model):
    name = "default"


u = User()
print(isinstance(u, (int, Model)), isinstance(3, (str, float)), isinstance(True, int))
print(issubclass(User, (Model, int)), issubclass(bool, int), issubclass(User, object))
print(getattr(u, "name"), getattr(u, "missing", None), hasattr(u, "name"), hasattr(u, "nope"))
setattr(u, "name", "ann")
print(u.name, User.name)
print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(None).__name__)
print(type(1.5).__name__, type(()).__name__, type(set()).__name__, type(len).__name__, type(True).__name__)
print(callable(len), callable("x"), callable(User))
print(isinstance(None, type(None)), type(u) == User, type(u) is Model)
print(int("42"), int("  -7 "), int("ff", 16), int("0b101", 0), int(3.99), int(-3.99), int(True))
print(float("1.5"), float("inf"), float("-inf") < 0, float(" 2 "), float(3))
print(str(12), bool(""), bool("0"), bool([]), bool(0.0), bool(None), bool(object()))
print(list("ab"), tuple([1]), len("abc"), len([1, 2]), len({"a": 1}))
print(hex(255), oct(8), bin(5), id(u) == id(u), hash(1) == hash(1.0))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\t\n"))
print(ascii("café"), repr("café"), chr(9731) == "\u2603")
print(isinstance(User, type), isinstance(len, object))
