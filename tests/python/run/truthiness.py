values = [0, 1, -1, 0.0, "", " ", [], [0], {}, {"": 0}, (), None, True, False]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")
print([] or {} or "fallback", 0 and 1, "a" and "b", None or 0)
url = None
database_url = url or "sqlite:///default.db"
print(database_url)
debug = "0"
print(debug in ("1", "true", "yes"), debug.lower() == "true")


class Empty:
    def __len__(self):
        return 0


class AlwaysTrue:
    pass


print(bool(Empty()), bool(AlwaysTrue()), not Empty())
