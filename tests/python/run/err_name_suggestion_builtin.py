columns = ["id", "name"]
print("columns:", len(columns))
pritn(columns)
