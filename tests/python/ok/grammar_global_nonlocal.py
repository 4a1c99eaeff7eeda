counter = 0
registry = {}


def increment():
    global counter
    counter += 1
    return counter


def register(name, obj):
    global registry, counter
    registry[name] = obj
    counter = len(registry)


def make_accumulator():
    total = 0
    count = 0

    def add(value):
        nonlocal total
        nonlocal count
        total += value
        count += 1
        return total / count

    def reset():
        nonlocal total, count
        total = count = 0

    return add, reset


def outer():
    x = 1

    def middle():
        def inner():
            nonlocal x
            x = 3
        inner()
        return x

    return middle()
