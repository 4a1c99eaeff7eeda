def ratio(done, total):
    return round(done * 100 / (total - total), 1)


def progress(state):
    return ratio(state["done"], state["total"])


print(progress({"done": 3, "total": 4}))
