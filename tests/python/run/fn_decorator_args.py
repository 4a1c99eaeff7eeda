ROUTES = {}


def route(path, methods=("GET",)):
    def decorator(func):
        for m in methods:
            ROUTES[(m, path)] = func.__name__
        return func
    return decorator


def retry(times):
    def decorator(func):
        def wrapper(*args):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return func(attempt, *args)
                except RuntimeError as exc:
                    print(f"attempt {attempt} failed: {exc}")
                    last = exc
            raise last
        return wrapper
    return decorator


@route("/users")
def list_users():
    return []


@route("/users", methods=("POST", "PUT"))
def save_user():
    return {}


@retry(3)
def flaky(attempt, value):
    if attempt < 3:
        raise RuntimeError(f"not yet ({value})")
    return f"ok on attempt {attempt}"


for key in sorted(ROUTES):
    print(key, ROUTES[key])
print(flaky("x"))
print(list_users(), save_user())


@retry(2)
def always_fails(attempt):
    raise RuntimeError("nope")


try:
    always_fails()
except RuntimeError as exc:
    print("gave up:", exc)
