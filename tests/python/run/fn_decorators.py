calls = []


def trace(func):
    def wrapper(*args, **kwargs):
        calls.append(func.__name__)
        print(f"-> {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"<- {func.__name__} = {result!r}")
        return result
    wrapper.__name__ = func.__name__
    wrapper.__wrapped__ = func
    return wrapper


def bold(func):
    def wrapper(*a):
        return "<b>" + func(*a) + "</b>"
    return wrapper


def italic(func):
    def wrapper(*a):
        return "<i>" + func(*a) + "</i>"
    return wrapper


@trace
def add(a, b):
    return a + b


@bold
@italic
def greet(name):
    return f"hi {name}"


print(add(2, 3))
print(greet("ann"))
print(calls, add.__name__, add.__wrapped__(1, 1))


class Service:
    def __repr__(self):
        return "Service()"

    @trace
    def handle(self, request):
        return request.upper()


print(Service().handle("get"))


def once(func):
    done = {}

    def wrapper():
        if "value" not in done:
            done["value"] = func()
        return done["value"]
    return wrapper


@once
def expensive():
    print("computing...")
    return 42


print(expensive(), expensive())
