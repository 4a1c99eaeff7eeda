def lengths(tables):
    return {name: len(cols) for name, cols in tables.items()}


print(lengths({"users": ["id"]}))
print(lengths({"users": ["id"], "posts": None}))
