settings = {"debug": False, "db": "sqlite://"}
settings["port"] = 8000
print(settings)
print(settings.get("db"), settings.get("missing"), settings.get("missing", "dflt"))
print(settings.setdefault("host", "0.0.0.0"), settings.setdefault("port", 1))
settings.update({"debug": True}, workers=4)
print(settings)
print(settings.pop("workers"), settings.pop("nope", None), len(settings))
print(settings.popitem(), settings)
for key in settings:
    print("key", key)
for key, value in settings.items():
    print(f"{key}={value}")
print(sorted(settings.keys()), list(settings.values()))
print(list(settings.items())[0])
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("ab", [1, 2])))
print(dict.fromkeys(["a", "b"], 0), {} == dict(), "db" in settings, "x" not in settings)
a = {"a": 1, "b": 2}
b = {"b": 3, "c": 4}
print(a | b, {**a, **b})
a |= {"z": 26}
print(a)
c = a.copy()
c["a"] = 100
print(a["a"], c["a"])
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"])
del settings["db"]
print(settings, len({}), bool({}), bool({0: 0}))
print({1: "int", 1.0: "float", True: "bool"})
