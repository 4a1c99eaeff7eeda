settings = {"url": "sqlite://"}
name = "users"
print(name.upper())
name()
