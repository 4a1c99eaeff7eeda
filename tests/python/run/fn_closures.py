def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())


def multipliers_late():
    return [lambda x: x * i for i in range(3)]


def multipliers_bound():
    return [lambda x, i=i: x * i for i in range(3)]


print([f(10) for f in multipliers_late()])
print([f(10) for f in multipliers_bound()])


def prefixer(prefix):
    def apply(name):
        return prefix + name
    return apply


table = prefixer("tbl_")
print(table("users"), table("posts"))
print(table.__name__, prefixer.__name__)


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    x = "changed"
    return middle()


print(outer())
