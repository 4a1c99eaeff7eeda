tables = ["users"]
assert tables
assert "posts" in tables
