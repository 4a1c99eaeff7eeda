def connect(url, echo=False, pool_size=5, options=None):
    options = options or {}
    return f"{url} echo={echo} pool={pool_size} opts={options}"


print(connect("sqlite://"))
print(connect("sqlite://", True))
print(connect("sqlite://", pool_size=10, echo=True))
print(connect(url="pg://", options={"timeout": 3}))


def append_bad(item, items=[]):
    items.append(item)
    return items


def append_good(item, items=None):
    if items is None:
        items = []
    items.append(item)
    return items


print(append_bad(1), append_bad(2))
print(append_good(1), append_good(2))
print(append_bad.__defaults__, connect.__defaults__)

DEFAULT = "first"


def show(value=DEFAULT):
    return value


DEFAULT = "second"
print(show(), DEFAULT)
