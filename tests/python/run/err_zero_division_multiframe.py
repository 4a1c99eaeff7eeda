def average(values):
    total = sum(values)
    return total / len(values)


def report(tables):
    sizes = [len(cols) for cols in tables.values()]
    return f"average columns: {average(sizes):.1f}"


print(report({"users": ["id", "name"]}))
print(report({}))
