name = "users"
print(name.uppper())
