data = {
    "name": "O'Brien",
    "quote": 'He said "hi"',
    "path": "C:\\temp\\new",
    "multi": "line1\nline2",
    "tab": "a\tb",
    "unicode": "naïve ☃",
    "empty": "",
    "nums": [1, 2.5, -3, 1e100],
    "nested": {"t": (1,), "e": (), "n": None, "b": [True, False]},
}
print(data)
for key, value in data.items():
    print(key, repr(value), value if isinstance(value, str) else "")
print([["a"], [], [[]]], ("x", ["y", ("z",)]))
print(str(["s"]), repr(["s"]), str("s"), repr("s"))
print("\u00e9", repr("\x00\x7f\u00e9\u200b"))
raw = r"\d+\.\w*"
print(raw, len(raw), repr(raw))
joined = ("SELECT id "
          "FROM users "
          "WHERE id = 1")
print(joined)
doc = """Revision ID: abc
Revises:
Create Date: 2024-01-01

"""
print(repr(doc))
print(len(doc.splitlines()), doc.count("\n"))
