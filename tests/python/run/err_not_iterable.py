def load_tables():
    tables = ["users", "posts"]


for t in load_tables():
    print(t)
